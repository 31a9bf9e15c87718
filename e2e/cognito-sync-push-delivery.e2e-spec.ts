import {
  CognitoSyncClient,
  ListRecordsCommand,
  RegisterDeviceCommand,
  SetIdentityPoolConfigurationCommand,
  SubscribeToDatasetCommand,
  UnsubscribeFromDatasetCommand,
  UpdateRecordsCommand,
} from '@aws-sdk/client-cognito-sync';
import { randomBytes } from 'node:crypto';
import { eventually } from '../libs/testing/src/eventually';
import { e2eSystem } from './support/e2e-context';
import { E2E_APNS_TOPIC, receivedPushes, ReceivedPushes } from './support/push-standins';
import { syncIdentities } from './support/sync-identities';

/**
 * Push sync end to end: devices registered with @aws-sdk/client-cognito-sync under the pool's
 * PushSync applications are sent Cognito's SyncTrigger through the running system (device sync's
 * delivery queue, with the embedded bus or Kafka) to the FCM HTTP v1 and APNs stand-ins the system
 * was started with, which check the service account's assertion, the provider token, the topic and
 * the payload as the real providers do. The device that made the change, an unsubscribed device
 * and another identity's device are not pushed to.
 */
describe('Cognito Sync push delivery through FCM and APNs', () => {
  const system = e2eSystem();
  const ids = syncIdentities(system);
  const GCM = 'arn:aws:sns:us-east-1:123456789012:app/GCM/notes';
  const APNS = `arn:aws:sns:us-east-1:123456789012:app/APNS/${E2E_APNS_TOPIC}`;
  const SANDBOX = `arn:aws:sns:us-east-1:123456789012:app/APNS_SANDBOX/${E2E_APNS_TOPIC}`;
  const fcmToken = () => `fcm:${randomBytes(40).toString('base64url')}`;
  const apnsToken = () => randomBytes(32).toString('hex');

  type Identity = Awaited<ReturnType<typeof ids.guest>>;

  async function register(client: CognitoSyncClient, where: object, platform: string, token: string) {
    const { DeviceId } = await client.send(
      new RegisterDeviceCommand({ ...where, Platform: platform, Token: token } as never),
    );
    return DeviceId!;
  }

  async function write(me: Identity, poolId: string, dataset: string, deviceId: string): Promise<number> {
    const client = ids.syncAs(me.credentials);
    const where = { IdentityPoolId: poolId, IdentityId: me.identityId, DatasetName: dataset };
    const listed = await client.send(new ListRecordsCommand(where));
    const current = listed.Records?.find((r) => r.Key === 'k')?.SyncCount ?? 0;
    const { Records } = await client.send(
      new UpdateRecordsCommand({
        ...where,
        SyncSessionToken: listed.SyncSessionToken,
        DeviceId: deviceId,
        RecordPatches: [
          { Op: 'replace', Key: 'k', Value: randomBytes(4).toString('hex'), SyncCount: current },
        ],
      }),
    );
    return Records![0].SyncCount!;
  }

  const pushesTo = (all: ReceivedPushes, token: string) =>
    [...all.fcm, ...all.apns, ...all.apnsSandbox].filter((p) => p.token === token);

  it('pushes every subscribed device but the one that made the change, through each provider', async () => {
    const pool = await ids.poolWithGuestRole('push-delivery', ['cognito-sync:*']);
    await ids.syncAdmin.send(
      new SetIdentityPoolConfigurationCommand({
        IdentityPoolId: pool.poolId,
        PushSync: { ApplicationArns: [GCM, APNS, SANDBOX], RoleArn: pool.roleArn },
      }),
    );
    const me = await ids.guest(pool.poolId);
    const stranger = await ids.guest(pool.poolId);
    const mine = ids.syncAs(me.credentials);
    const own = { IdentityPoolId: pool.poolId, IdentityId: me.identityId };
    const tokens = { phone: fcmToken(), iphone: apnsToken(), testPhone: apnsToken(), tablet: fcmToken() };
    const phone = await register(mine, own, 'GCM', tokens.phone);
    const iphone = await register(mine, own, 'APNS', tokens.iphone);
    const testPhone = await register(mine, own, 'APNS_SANDBOX', tokens.testPhone);
    const tablet = await register(mine, own, 'GCM', tokens.tablet); // never subscribed
    for (const DeviceId of [phone, iphone, testPhone]) {
      await mine.send(new SubscribeToDatasetCommand({ ...own, DatasetName: 'notes', DeviceId }));
    }
    const strangerToken = fcmToken();
    const strangers = { IdentityPoolId: pool.poolId, IdentityId: stranger.identityId };
    const theirPhone = await register(ids.syncAs(stranger.credentials), strangers, 'GCM', strangerToken);
    await ids
      .syncAs(stranger.credentials)
      .send(new SubscribeToDatasetCommand({ ...strangers, DatasetName: 'notes', DeviceId: theirPhone }));

    const syncCount = await write(me, pool.poolId, 'notes', phone);
    const trigger = {
      source: 'cognito-sync',
      type: 'SyncTrigger',
      identityPoolId: pool.poolId,
      identityId: me.identityId,
      datasetName: 'notes',
    };
    const all = await eventually(async () => {
      const got = await receivedPushes(system.pushStandins);
      expect(pushesTo(got, tokens.iphone)).toHaveLength(1);
      expect(pushesTo(got, tokens.testPhone)).toHaveLength(1);
      return got;
    });
    expect(all.apns.filter((p) => p.token === tokens.iphone).map((p) => p.payload)).toEqual([
      { aps: { 'content-available': 1 }, ...trigger, syncCount },
    ]);
    expect(all.apnsSandbox.filter((p) => p.token === tokens.testPhone).map((p) => p.payload)).toEqual([
      { aps: { 'content-available': 1 }, ...trigger, syncCount },
    ]);
    expect(all.apns.find((p) => p.token === tokens.iphone)?.headers).toMatchObject({
      'apns-topic': E2E_APNS_TOPIC,
      'apns-push-type': 'background',
    });

    // The phone's own change, the unsubscribed tablet and the stranger's phone were not pushed;
    // the next change, from elsewhere, reaches the phone through FCM with string data values.
    const next = await write(me, pool.poolId, 'notes', 'a-laptop');
    const after = await eventually(async () => {
      const got = await receivedPushes(system.pushStandins);
      expect(pushesTo(got, tokens.phone)).toHaveLength(1);
      expect(pushesTo(got, tokens.iphone)).toHaveLength(2);
      return got;
    });
    expect(pushesTo(after, tokens.phone).map((p) => p.payload)).toEqual([
      { ...trigger, syncCount: String(next) },
    ]);
    expect(pushesTo(after, tokens.tablet)).toEqual([]);
    expect(pushesTo(after, strangerToken)).toEqual([]);
    expect(tablet).toBeDefined();

    // Unsubscribed, the iPhone hears nothing of the next change.
    await mine.send(new UnsubscribeFromDatasetCommand({ ...own, DatasetName: 'notes', DeviceId: iphone }));
    const last = await write(me, pool.poolId, 'notes', 'a-laptop');
    const final = await eventually(async () => {
      const got = await receivedPushes(system.pushStandins);
      expect(pushesTo(got, tokens.phone).map((p) => p.payload.syncCount)).toContain(String(last));
      return got;
    });
    expect(pushesTo(final, tokens.iphone)).toHaveLength(2);
  });
});
