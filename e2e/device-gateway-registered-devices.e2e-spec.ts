import {
  ListRecordsCommand,
  RegisterDeviceCommand,
  SetIdentityPoolConfigurationCommand,
  SubscribeToDatasetCommand,
  UnsubscribeFromDatasetCommand,
  UpdateRecordsCommand,
} from '@aws-sdk/client-cognito-sync';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  connectDevice,
  DeviceSocket,
  openDevice,
  presignSyncUrl,
} from '../apps/device-gateway/test/device-client';
import { eventually } from '../libs/testing/src/eventually';
import { e2eSystem } from './support/e2e-context';
import { Credentials, syncIdentities } from './support/sync-identities';

/**
 * A socket opened with the `deviceId` RegisterDevice gave: it takes up the device's
 * SubscribeToDataset subscriptions without a subscribe frame, is told of another device's
 * UpdateRecords and not of its own; another identity naming that device is answered as for an
 * unknown id and takes up nothing.
 */
describe('device gateway with registered devices', () => {
  const system = e2eSystem();
  const ids = syncIdentities(system);
  const sockets: DeviceSocket[] = [];

  afterAll(() => {
    for (const socket of sockets) socket.ws.terminate();
  });

  async function write(credentials: Credentials, where: object, key: string, deviceId: string) {
    const client = ids.syncAs(credentials);
    const listed = await client.send(new ListRecordsCommand({ ...where } as never));
    const current = listed.Records?.find((r) => r.Key === key)?.SyncCount ?? 0;
    await client.send(
      new UpdateRecordsCommand({
        ...where,
        SyncSessionToken: listed.SyncSessionToken,
        DeviceId: deviceId,
        RecordPatches: [
          { Op: 'replace', Key: key, Value: randomBytes(4).toString('hex'), SyncCount: current },
        ],
      } as never),
    );
  }

  it("takes up a registered device's subscriptions, and gives another identity nothing of it", async () => {
    const pool = await ids.poolWithGuestRole('gateway-devices', ['cognito-sync:*']);
    await ids.syncAdmin.send(
      new SetIdentityPoolConfigurationCommand({
        IdentityPoolId: pool.poolId,
        PushSync: {
          ApplicationArns: ['arn:aws:sns:us-east-1:123456789012:app/GCM/notes'],
          RoleArn: 'arn:aws:iam::123456789012:role/push',
        },
      }),
    );
    const me = await ids.guest(pool.poolId);
    const own = { IdentityPoolId: pool.poolId, IdentityId: me.identityId };
    const mine = ids.syncAs(me.credentials);
    const { DeviceId: phoneId } = await mine.send(
      new RegisterDeviceCommand({
        ...own,
        Platform: 'GCM',
        Token: `fcm:${randomBytes(30).toString('base64url')}`,
      }),
    );
    await mine.send(new SubscribeToDatasetCommand({ ...own, DatasetName: 'settings', DeviceId: phoneId }));

    const gateway = system.deviceGateways[0];
    const phone = await openDevice(await presignSyncUrl(gateway, me.credentials, { deviceId: phoneId }));
    sockets.push(phone);
    const where = { ...own, DatasetName: 'settings' };
    await write(me.credentials, where, 'theme', 'laptop');
    expect(await phone.next()).toEqual({
      source: 'cognito-sync',
      type: 'SyncTrigger',
      identityPoolId: pool.poolId,
      identityId: me.identityId,
      datasetName: 'settings',
      syncCount: 1,
    });
    // The phone's own change is not pushed back to it; the laptop's next one is.
    await write(me.credentials, where, 'volume', phoneId!);
    await write(me.credentials, where, 'theme', 'laptop');
    expect(await phone.next()).toMatchObject({ type: 'SyncTrigger', syncCount: 3 });

    // A stranger naming the phone's id is answered as for any unknown id (no oracle of which ids
    // are registered) and takes up none of its subscriptions.
    const stranger = await ids.guest(pool.poolId);
    const theirs = await connectDevice(
      await presignSyncUrl(gateway, stranger.credentials, { deviceId: phoneId }),
    );
    const unknown = await connectDevice(
      await presignSyncUrl(gateway, stranger.credentials, { deviceId: randomUUID() }),
    );
    expect([theirs.ok, unknown.ok]).toEqual([true, true]);
    if (!theirs.ok || !unknown.ok) return;
    sockets.push(theirs.socket, unknown.socket);
    const strangerWhere = {
      IdentityPoolId: pool.poolId,
      IdentityId: stranger.identityId,
      DatasetName: 'settings',
    };
    await write(stranger.credentials, strangerWhere, 'theme', 'stranger-laptop');
    await write(me.credentials, where, 'theme', 'laptop');
    expect(await phone.next()).toMatchObject({ type: 'SyncTrigger', syncCount: 4 });
    expect(theirs.socket.frames).toEqual([]);

    // SubscribeToDataset and UnsubscribeFromDataset apply to the open socket, without reconnecting.
    await mine.send(new SubscribeToDatasetCommand({ ...own, DatasetName: 'scores', DeviceId: phoneId }));
    await mine.send(
      new UnsubscribeFromDatasetCommand({ ...own, DatasetName: 'settings', DeviceId: phoneId }),
    );
    const scores = { ...own, DatasetName: 'scores' };
    await eventually(async () => {
      await write(me.credentials, scores, 'best', 'laptop');
      expect(phone.frames.some((f) => f.datasetName === 'scores')).toBe(true);
    });
    // The unsubscription travels on another topic than the changes, so it may apply a little later:
    // a round passes once a settings change is no longer pushed before the scores one after it.
    await eventually(
      async () => {
        const settingsBefore = phone.frames.filter((f) => f.datasetName === 'settings').length;
        await write(me.credentials, where, 'theme', 'laptop');
        await write(me.credentials, scores, 'best', 'laptop');
        await phone.next((f) => f.datasetName === 'scores', 5_000);
        expect(phone.frames.filter((f) => f.datasetName === 'settings')).toHaveLength(settingsBefore);
      },
      { timeoutMs: 20_000 },
    );
  });
});
