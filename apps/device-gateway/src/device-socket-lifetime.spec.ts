import { RevocationList } from '@idfed/authorizer';
import { DeviceSyncTopics } from '@idfed/contracts';
import { Headers, InProcessClient } from '@idfed/messaging';
import { randomUUID } from 'node:crypto';
import { credentialVendingState } from '../../../libs/testing/src/credential-vending.double';
import { eventually } from '../../../libs/testing/src/eventually';
import { DeviceSocket, openDevice, presignSyncUrl } from '../test/device-client';
import {
  allowOwnDatasets,
  datasetChanged,
  DeviceGatewayHarness,
  identityCredentials,
  newIdentityId,
  ROLE,
  startDeviceGateway,
} from '../test/device-gateway.harness';
import { CloseCodes } from './sockets/device-connection';
import { SyncSocketServer } from './sockets/sync-socket.server';

/** How sockets end: dead peers, idle clients, expired or revoked credentials, slow readers. */
describe('device gateway: socket lifetime', () => {
  let gw: DeviceGatewayHarness;
  /** The gateway's clock runs ahead of the wall clock by this much (idle timeouts). */
  let ahead = 0;

  beforeAll(async () => {
    allowOwnDatasets();
    gw = await startDeviceGateway(
      {
        // A live peer's pong must come back within one beat: long enough for a loaded CI machine.
        IDFED_WS_HEARTBEAT_MS: '400',
        IDFED_WS_IDLE_TIMEOUT_MS: '60000',
        IDFED_WS_MAX_BUFFERED_BYTES: '1024',
      },
      { now: () => Date.now() + ahead },
    );
  });
  afterAll(() => gw.close());
  afterEach(async () => {
    ahead = 0;
    credentialVendingState.revocations = [];
    await gw.app.get(RevocationList).refresh();
  });

  const connect = async (
    creds = identityCredentials(newIdentityId()),
    autoPong = true,
  ): Promise<DeviceSocket> => openDevice(await presignSyncUrl(gw.endpoint, creds), { autoPong });

  it('drops a peer that stops answering pings, and keeps one that answers', async () => {
    const live = await connect();
    const dead = await connect(undefined, false);
    expect((await dead.closed).code).toBe(1006); // cut without a close frame
    expect(live.ws.readyState).toBe(live.ws.OPEN);
    live.ws.close();
  });

  it('closes a socket whose client sent no message for the idle timeout (4408)', async () => {
    const quiet = await connect();
    const chatty = await connect();
    chatty.send({ action: 'ping' });
    await chatty.next();
    ahead = 30_000;
    chatty.send({ action: 'ping' });
    await chatty.next();
    ahead = 61_000; // past the timeout for quiet, 31 s after chatty's last message
    expect(await quiet.closed).toEqual({ code: CloseCodes.idle, reason: 'idle timeout' });
    expect(chatty.ws.readyState).toBe(chatty.ws.OPEN);
    chatty.ws.close();
  });

  it('closes the socket when its credentials expire (4401)', async () => {
    const s = await connect(identityCredentials(newIdentityId(), { expiresAt: Date.now() + 1500 }));
    expect(await s.closed).toEqual({ code: CloseCodes.credentialsExpired, reason: 'credentials expired' });
  });

  it('closes the sockets of a role whose sessions were revoked after they connected (4403)', async () => {
    const s = await connect();
    credentialVendingState.revocations = [
      { RoleArn: ROLE, RevokedBefore: new Date(Date.now() + 1000).toISOString() },
    ];
    expect(await s.closed).toEqual({ code: CloseCodes.credentialsRevoked, reason: 'credentials revoked' });
  });
});

/** Back-pressure, on a gateway whose heartbeat does not cut the paused client first. */
describe('device gateway: slow readers', () => {
  let gw: DeviceGatewayHarness;

  beforeAll(async () => {
    allowOwnDatasets();
    gw = await startDeviceGateway({ IDFED_WS_MAX_BUFFERED_BYTES: '1024' });
  });
  afterAll(() => gw.close());

  it('drops a client that does not read its frames instead of buffering for it', async () => {
    const identityId = newIdentityId();
    const slow = await openDevice(await presignSyncUrl(gw.endpoint, identityCredentials(identityId)));
    slow.send({ action: 'subscribe', datasetName: '*' });
    await slow.next();
    // The client stops reading: the kernel's buffers fill, then the server's.
    (slow.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const server = gw.app.get(SyncSocketServer);
    const before = server.drops['slow-reader'];
    const client = new InProcessClient(gw.bus);
    let syncCount = 0;
    await eventually(
      async () => {
        const batch = Array.from({ length: 500 }, () => ({
          topic: DeviceSyncTopics.datasetChanged,
          key: identityId,
          value: datasetChanged({ identityId, syncCount: ++syncCount }),
          headers: { [Headers.eventId]: randomUUID() },
        }));
        await client.publishEvents(batch);
        if (server.drops['slow-reader'] === before)
          throw new Error(`still buffering after ${syncCount} frames`);
      },
      { timeoutMs: 60_000, intervalMs: 1 },
    );
    expect(server.drops['slow-reader']).toBe(before + 1);
  }, 90_000);
});
