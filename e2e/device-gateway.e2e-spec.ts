import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  SetIdentityPoolRolesCommand,
} from '@aws-sdk/client-cognito-identity';
import { IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { randomBytes } from 'node:crypto';
import {
  connectDevice,
  DeviceSocket,
  openDevice,
  presignSyncUrl,
} from '../apps/device-gateway/test/device-client';
import { createIdentityPoolRole } from '../libs/testing/src/identity-pool-roles';
import { eventually } from '../libs/testing/src/eventually';
import { sampleValue, scrapeMetrics } from '../libs/testing/src/prometheus-text';
import { publishDatasetChanged } from './support/device-sync-events';
import { e2eSystem } from './support/e2e-context';

/**
 * A device of an identity, with nothing but AWS clients and a websocket: credentials through the
 * real gateway (GetId, GetCredentialsForIdentity), a URL presigned by the SDK's signer, a socket on
 * the device gateway (each replica, distributed), and the SyncTrigger when the identity's dataset
 * changes (published through device sync's outbox, as UpdateRecords will).
 */
describe('device gateway', () => {
  const system = e2eSystem();
  const base = { endpoint: system.endpoint, region: 'us-east-1', maxAttempts: 1 };
  const adminCreds = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const iam = new IAMClient({ ...base, credentials: adminCreds });
  const identityAdmin = new CognitoIdentityClient({ ...base, credentials: adminCreds });
  const identityApp = new CognitoIdentityClient({
    ...base,
    credentials: { accessKeyId: 'ANONYMOUS', secretAccessKey: 'anonymous' },
  });
  const suffix = randomBytes(3).toString('hex');
  let identityPoolId: string;
  const sockets: DeviceSocket[] = [];

  beforeAll(async () => {
    const pool = await identityAdmin.send(
      new CreateIdentityPoolCommand({ IdentityPoolName: 'devices', AllowUnauthenticatedIdentities: true }),
    );
    identityPoolId = pool.IdentityPoolId!;
    const roleName = `devices-${suffix}`;
    const roleArn = await createIdentityPoolRole(iam, roleName, identityPoolId, 'unauthenticated');
    // What AWS documents for Cognito Sync: each identity its own datasets.
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: roleName,
        PolicyName: 'own-datasets',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 'cognito-sync:*',
              Resource: `arn:aws:cognito-sync:us-east-1:000000000000:identitypool/${identityPoolId}/identity/\${cognito-identity.amazonaws.com:sub}/*`,
            },
          ],
        }),
      }),
    );
    await identityAdmin.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: identityPoolId,
        Roles: { unauthenticated: roleArn },
      }),
    );
  });

  afterAll(() => {
    for (const s of sockets) s.ws.terminate();
    iam.destroy();
    identityAdmin.destroy();
    identityApp.destroy();
  });

  async function newIdentity(): Promise<{
    identityId: string;
    credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
  }> {
    const { IdentityId } = await identityApp.send(new GetIdCommand({ IdentityPoolId: identityPoolId }));
    const { Credentials } = await identityApp.send(new GetCredentialsForIdentityCommand({ IdentityId }));
    return {
      identityId: IdentityId!,
      credentials: {
        accessKeyId: Credentials!.AccessKeyId!,
        secretAccessKey: Credentials!.SecretKey!,
        sessionToken: Credentials!.SessionToken!,
      },
    };
  }

  async function device(
    credentials: Awaited<ReturnType<typeof newIdentity>>['credentials'],
    gateway: string,
    deviceId?: string,
  ): Promise<DeviceSocket> {
    const socket = await openDevice(await presignSyncUrl(gateway, credentials, { deviceId }));
    sockets.push(socket);
    return socket;
  }

  async function subscribe(socket: DeviceSocket, datasetName: string): Promise<void> {
    socket.send({ action: 'subscribe', datasetName });
    expect(await socket.next()).toEqual({ type: 'subscribed', datasetName });
  }

  it('pushes the SyncTrigger to every device of the identity, on whichever replica it is', async () => {
    const { identityId, credentials } = await newIdentity();
    const gateways = system.deviceGateways;
    const phone = await device(credentials, gateways[0], 'phone');
    const laptop = await device(credentials, gateways[gateways.length - 1], 'laptop');
    await subscribe(phone, 'settings');
    await subscribe(laptop, '*');
    await publishDatasetChanged(system, {
      identityPoolId,
      identityId,
      datasetName: 'settings',
      syncCount: 3,
      deviceId: 'phone',
    });
    await publishDatasetChanged(system, {
      identityPoolId,
      identityId,
      datasetName: 'settings',
      syncCount: 4,
      deviceId: 'laptop',
    });
    const trigger = (syncCount: number) => ({
      source: 'cognito-sync',
      type: 'SyncTrigger',
      identityPoolId,
      identityId,
      datasetName: 'settings',
      syncCount,
    });
    // Each device hears of the other's change, not of its own.
    expect(await laptop.next(undefined, 30_000)).toEqual(trigger(3));
    expect(await phone.next(undefined, 30_000)).toEqual(trigger(4));
  });

  it("tells a stranger nothing of another identity's datasets", async () => {
    const mine = await newIdentity();
    const stranger = await newIdentity();
    const gateway = system.deviceGateways[0];
    const owner = await device(mine.credentials, gateway);
    const theirs = await device(stranger.credentials, gateway);
    await subscribe(owner, '*');
    await subscribe(theirs, '*');
    await publishDatasetChanged(system, {
      identityPoolId,
      identityId: mine.identityId,
      datasetName: 'secret',
      syncCount: 1,
    });
    // The replica pushed to every matching socket at once: the owner's frame means the stranger's
    // would have been sent too, before anything published later.
    expect(await owner.next(undefined, 30_000)).toMatchObject({ datasetName: 'secret' });
    await publishDatasetChanged(system, {
      identityPoolId,
      identityId: stranger.identityId,
      datasetName: 'own',
      syncCount: 1,
    });
    expect(await theirs.next(undefined, 30_000)).toMatchObject({
      identityId: stranger.identityId,
      datasetName: 'own',
    });
  });

  it('refuses a URL presigned with the admin key, and a forged one, with 403 and a reason', async () => {
    const gateway = system.deviceGateways[0];
    const admin = await connectDevice(await presignSyncUrl(gateway, adminCreds));
    expect(admin).toMatchObject({ ok: false, status: 403 });
    const { credentials } = await newIdentity();
    const url = await presignSyncUrl(gateway, credentials);
    const forged = url.replace(
      /X-Amz-Signature=([0-9a-f])/,
      (_m, c: string) => `X-Amz-Signature=${c === 'a' ? 'b' : 'a'}`,
    );
    const refused = await connectDevice(forged);
    expect(refused).toMatchObject({ ok: false, status: 403 });
    if (!refused.ok)
      expect(JSON.parse(refused.body)).toEqual({
        message: expect.stringMatching(/signature we calculated does not match/),
      });
  });

  it('moves the websocket gauge of the process a device is on by one, and back when it leaves', async () => {
    // The first replica (distributed) or the one process (embedded); the other replica's is unmoved.
    const metricsOf = (i: number) =>
      system.mode === 'distributed' ? system.metrics[`device-gateway-${i + 1}`] : system.metrics.embedded;
    const gauge = async (i: number) =>
      sampleValue((await scrapeMetrics(metricsOf(i))).scrape, 'idfed_websocket_connections');
    const others = system.mode === 'distributed' ? system.deviceGateways.slice(1).map((_, i) => i + 1) : [];
    const othersBefore = await Promise.all(others.map(gauge));
    const before = await gauge(0);
    const { credentials } = await newIdentity();
    const socket = await device(credentials, system.deviceGateways[0], 'gauge');
    await eventually(async () => expect(await gauge(0)).toBe(before + 1));
    // A refused upgrade is no connection.
    const url = await presignSyncUrl(system.deviceGateways[0], credentials);
    const forged = url.replace(
      /X-Amz-Signature=([0-9a-f])/,
      (_m, c: string) => `X-Amz-Signature=${c === 'a' ? 'b' : 'a'}`,
    );
    expect(await connectDevice(forged)).toMatchObject({ ok: false, status: 403 });
    expect(await gauge(0)).toBe(before + 1);
    expect(await Promise.all(others.map(gauge))).toEqual(othersBefore);
    socket.ws.close(1000);
    await socket.closed;
    await eventually(async () => expect(await gauge(0)).toBe(before));
  });
});
