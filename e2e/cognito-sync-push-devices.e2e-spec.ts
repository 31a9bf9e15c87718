import {
  RegisterDeviceCommand,
  SetIdentityPoolConfigurationCommand,
  SubscribeToDatasetCommand,
  UnsubscribeFromDatasetCommand,
} from '@aws-sdk/client-cognito-sync';
import { randomBytes, randomUUID } from 'node:crypto';
import { signRequest } from '../libs/sigv4/src';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { e2eSystem } from './support/e2e-context';
import { syncIdentities } from './support/sync-identities';

/**
 * Push sync's device operations with @aws-sdk/client-cognito-sync: RegisterDevice under the pool's
 * PushSync applications, SubscribeToDataset / UnsubscribeFromDataset, with the identity's own
 * credentials or the admin key, and the attacks: another identity's credentials, re-targeted and
 * unsigned requests, a role without the action, probing for other identities' device ids.
 */
describe('Cognito Sync push devices', () => {
  const system = e2eSystem();
  const ids = syncIdentities(system);
  const ROLE = 'arn:aws:iam::123456789012:role/cognito-sync-push';
  const GCM = 'arn:aws:sns:us-east-1:123456789012:app/GCM/notes';
  const APNS = 'arn:aws:sns:us-east-1:123456789012:app/APNS/com.example.notes';
  const fcmToken = () => `fcm:${randomBytes(40).toString('base64url')}`;
  const apnsToken = () => randomBytes(32).toString('hex');
  let pool: { poolId: string; roleArn: string };

  async function pushPool(name: string, actions = ['cognito-sync:*']) {
    const created = await ids.poolWithGuestRole(name, actions);
    await ids.syncAdmin.send(
      new SetIdentityPoolConfigurationCommand({
        IdentityPoolId: created.poolId,
        PushSync: { ApplicationArns: [GCM, APNS], RoleArn: ROLE },
      }),
    );
    return created;
  }

  beforeAll(async () => {
    pool = await pushPool('push-devices');
  });

  it('registers a device once per token and subscribes it to datasets', async () => {
    const me = await ids.guest(pool.poolId);
    const mine = ids.syncAs(me.credentials);
    const own = { IdentityPoolId: pool.poolId, IdentityId: me.identityId };
    const token = fcmToken();
    const phone = await mine.send(new RegisterDeviceCommand({ ...own, Platform: 'GCM', Token: token }));
    expect(phone.DeviceId).toMatch(/^[0-9a-f-]{36}$/);
    // The same token again (an app registering at each start): the same device.
    const again = await mine.send(new RegisterDeviceCommand({ ...own, Platform: 'GCM', Token: token }));
    expect(again.DeviceId).toBe(phone.DeviceId);
    const tablet = await mine.send(
      new RegisterDeviceCommand({ ...own, Platform: 'APNS', Token: apnsToken() }),
    );
    expect(tablet.DeviceId).not.toBe(phone.DeviceId);

    const subscribed = await mine.send(
      new SubscribeToDatasetCommand({ ...own, DatasetName: 'settings', DeviceId: phone.DeviceId }),
    );
    expect(subscribed.$metadata.httpStatusCode).toBe(200);
    // Twice is fine, and so is unsubscribing twice.
    await mine.send(
      new SubscribeToDatasetCommand({ ...own, DatasetName: 'settings', DeviceId: phone.DeviceId }),
    );
    await mine.send(
      new UnsubscribeFromDatasetCommand({ ...own, DatasetName: 'settings', DeviceId: phone.DeviceId }),
    );
    await mine.send(
      new UnsubscribeFromDatasetCommand({ ...own, DatasetName: 'settings', DeviceId: phone.DeviceId }),
    );

    // The admin key registers and subscribes on any identity, as developer credentials do.
    const byAdmin = await ids.syncAdmin.send(
      new RegisterDeviceCommand({ ...own, Platform: 'GCM', Token: fcmToken() }),
    );
    await ids.syncAdmin.send(
      new SubscribeToDatasetCommand({ ...own, DatasetName: 'notes', DeviceId: byAdmin.DeviceId }),
    );
  });

  it('refuses platforms the pool has no application for, and bad input', async () => {
    const bare = await ids.poolWithGuestRole('push-bare', ['cognito-sync:*']);
    const me = await ids.guest(bare.poolId);
    const own = { IdentityPoolId: bare.poolId, IdentityId: me.identityId };
    await expectAwsError(
      ids
        .syncAs(me.credentials)
        .send(new RegisterDeviceCommand({ ...own, Platform: 'GCM', Token: fcmToken() })),
      'InvalidConfigurationException',
      { status: 400 },
    );
    const other = await ids.guest(pool.poolId);
    const theirs = ids.syncAs(other.credentials);
    const where = { IdentityPoolId: pool.poolId, IdentityId: other.identityId };
    await expectAwsError(
      theirs.send(new RegisterDeviceCommand({ ...where, Platform: 'ADM', Token: fcmToken() })),
      'InvalidConfigurationException',
      { status: 400 },
    );
    await expectAwsError(
      theirs.send(new RegisterDeviceCommand({ ...where, Platform: 'SMS' as 'GCM', Token: fcmToken() })),
      'InvalidParameterException',
      { status: 400 },
    );
    await expectAwsError(
      theirs.send(new RegisterDeviceCommand({ ...where, Platform: 'APNS', Token: 'not a device token' })),
      'InvalidParameterException',
      { status: 400 },
    );
    await expectAwsError(
      theirs.send(
        new SubscribeToDatasetCommand({ ...where, DatasetName: 'bad name!', DeviceId: randomUUID() }),
      ),
      'InvalidParameterException',
      { status: 400 },
    );
  });

  it("refuses another identity's credentials, and answers its devices as not found", async () => {
    const me = await ids.guest(pool.poolId);
    const stranger = await ids.guest(pool.poolId);
    const own = { IdentityPoolId: pool.poolId, IdentityId: me.identityId };
    const { DeviceId } = await ids
      .syncAs(me.credentials)
      .send(new RegisterDeviceCommand({ ...own, Platform: 'GCM', Token: fcmToken() }));
    const theirs = ids.syncAs(stranger.credentials);

    // On my identity's paths: not theirs to act on.
    await expectAwsError(
      theirs.send(new RegisterDeviceCommand({ ...own, Platform: 'GCM', Token: fcmToken() })),
      'NotAuthorizedException',
      { status: 403 },
    );
    for (const Command of [SubscribeToDatasetCommand, UnsubscribeFromDatasetCommand]) {
      await expectAwsError(
        theirs.send(new Command({ ...own, DatasetName: 'settings', DeviceId: DeviceId! })),
        'NotAuthorizedException',
        {
          status: 403,
        },
      );
    }

    // My device under their own identity: exactly what a device id that does not exist gets.
    const theirPath = {
      IdentityPoolId: pool.poolId,
      IdentityId: stranger.identityId,
      DatasetName: 'settings',
    };
    for (const Command of [SubscribeToDatasetCommand, UnsubscribeFromDatasetCommand]) {
      await expectAwsError(
        theirs.send(new Command({ ...theirPath, DeviceId: DeviceId! })),
        'ResourceNotFoundException',
        {
          status: 404,
          message: `Device ${DeviceId} does not exist for this identity.`,
        },
      );
      const unknown = randomUUID();
      await expectAwsError(
        theirs.send(new Command({ ...theirPath, DeviceId: unknown })),
        'ResourceNotFoundException',
        {
          status: 404,
          message: `Device ${unknown} does not exist for this identity.`,
        },
      );
    }
    // The admin key, naming my device under their identity, is told the same.
    await expectAwsError(
      ids.syncAdmin.send(new SubscribeToDatasetCommand({ ...theirPath, DeviceId: DeviceId! })),
      'ResourceNotFoundException',
      { status: 404 },
    );
  });

  it('refuses re-targeted, unsigned requests and a role without the action', async () => {
    const me = await ids.guest(pool.poolId);
    const stranger = await ids.guest(pool.poolId);
    const { DeviceId } = await ids.syncAs(me.credentials).send(
      new RegisterDeviceCommand({
        IdentityPoolId: pool.poolId,
        IdentityId: me.identityId,
        Platform: 'GCM',
        Token: fcmToken(),
      }),
    );
    const host = new URL(system.endpoint).host;
    const path = (identityId: string) =>
      `/identitypools/${encodeURIComponent(pool.poolId)}/identities/${encodeURIComponent(identityId)}/datasets/settings/subscriptions/${DeviceId}`;

    // Signed by the stranger for their own identity's path, sent to mine: the path is signed.
    const signed = signRequest(
      {
        method: 'POST',
        path: path(stranger.identityId),
        query: '',
        headers: { host },
        body: Buffer.alloc(0),
      },
      stranger.credentials,
      { region: 'us-east-1', service: 'cognito-sync' },
    );
    const { host: _h, ...headers } = signed.headers as Record<string, string>;
    const retargeted = await fetch(`${system.endpoint}${path(me.identityId)}`, { method: 'POST', headers });
    expect([retargeted.status, retargeted.headers.get('x-amzn-errortype')]).toEqual([
      403,
      'InvalidSignatureException:',
    ]);
    const unsigned = await fetch(`${system.endpoint}${path(me.identityId)}`, { method: 'POST' });
    expect(unsigned.status).toBe(403);
    expect(unsigned.headers.get('x-amzn-errortype')).toMatch(/^MissingAuthenticationTokenException/);
    const registerPath = `/identitypools/${encodeURIComponent(pool.poolId)}/identity/${encodeURIComponent(me.identityId)}/device`;
    const unsignedRegister = await fetch(`${system.endpoint}${registerPath}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ Platform: 'GCM', Token: fcmToken() }),
    });
    expect(unsignedRegister.status).toBe(403);

    // A role allowing the data operations but not push sync's.
    const narrow = await pushPool('push-narrow', ['cognito-sync:ListRecords', 'cognito-sync:UpdateRecords']);
    const limited = await ids.guest(narrow.poolId);
    await expectAwsError(
      ids.syncAs(limited.credentials).send(
        new RegisterDeviceCommand({
          IdentityPoolId: narrow.poolId,
          IdentityId: limited.identityId,
          Platform: 'GCM',
          Token: fcmToken(),
        }),
      ),
      'NotAuthorizedException',
      { status: 403, message: /cognito-sync:RegisterDevice/ },
    );
  });
});
