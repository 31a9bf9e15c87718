import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CommandMeta } from '@idfed/contracts';
import { OutboxService, ServiceError } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { COGNITO_SYNC_LIMITS, SyncClock } from '../src/common/device-sync.config';
import { DEVICE_SYNC_SCHEMA } from '../src/database/schema';
import { DeviceSubscriptions } from '../src/devices/device-subscriptions';
import { DeviceTokens } from '../src/devices/device-tokens';
import { DevicesRepository } from '../src/devices/devices.repository';
import { RegisterDeviceUseCase } from '../src/devices/register-device.use-case';
import { PoolConfigurationsRepository } from '../src/pools/pool-configurations.repository';
import { DeviceSyncTestDatabase } from './support/device-sync-test-database';

/**
 * Devices and subscriptions on a real PostgreSQL: one device per identity, platform and token
 * however many registrations race; tokens stored sealed and digested only; the oldest devices
 * dropped past the limit; another identity's device not found; a device's subscriptions go with
 * it; the subscription limit holds under racing subscriptions.
 */
describe('devices and subscriptions on PostgreSQL', () => {
  const db = new DeviceSyncTestDatabase('dev');
  const poolId = `us-east-1:${randomUUID()}`;
  const GCM = 'arn:aws:sns:us-east-1:123456789012:app/GCM/notes';
  const kek = randomBytes(32);
  const config = { ...COGNITO_SYNC_LIMITS, maxDevicesPerIdentity: 3, maxSubscriptionsPerDevice: 4 };
  let ds: DataSource;
  let devices: DevicesRepository;
  let register: RegisterDeviceUseCase;
  let subscriptions: DeviceSubscriptions;
  const tokens = new DeviceTokens(kek);
  const clock = new SyncClock();
  const newIdentity = () => `us-east-1:${randomUUID()}`;
  const as = (identityId: string): CommandMeta => ({
    requestId: 'int',
    caller: {
      kind: 'temporary',
      accessKeyId: 'ASIAINT',
      principalArn: 'arn:aws:sts::000000000000:assumed-role/r/s',
      session: {
        roleArn: 'arn:aws:iam::000000000000:role/r',
        roleId: 'AROAINT',
        sessionName: 's',
        cognitoIdentity: { identityPoolId: poolId, identityId },
      },
    } as CommandMeta['caller'],
  });

  beforeAll(async () => {
    ds = await db.create(12);
    devices = new DevicesRepository(ds);
    const configurations = new PoolConfigurationsRepository(ds);
    await configurations.apply(
      poolId,
      { pushSync: { applicationArns: [GCM], roleArn: 'arn:aws:iam::123456789012:role/push' } },
      new Date(),
    );
    const transactions = new Transactions(ds);
    register = new RegisterDeviceUseCase(transactions, devices, configurations, tokens, config, clock);
    subscriptions = new DeviceSubscriptions(
      transactions,
      devices,
      config,
      clock,
      new OutboxService(DEVICE_SYNC_SCHEMA),
    );
  });

  afterAll(async () => {
    await db.drop();
  });

  const registerAs = (identityId: string, token: string) =>
    register.execute(
      { IdentityPoolId: poolId, IdentityId: identityId, Platform: 'GCM', Token: token },
      as(identityId),
    );

  it('makes one device of racing registrations of one token, and keeps the token sealed', async () => {
    const me = newIdentity();
    const token = `fcm-${randomBytes(24).toString('base64url')}`;
    const answers = await Promise.all(Array.from({ length: 8 }, () => registerAs(me, token)));
    const ids = new Set(answers.map((a) => a.DeviceId));
    expect(ids.size).toBe(1);
    const [deviceId] = [...ids];
    const rows: { token_enc: Buffer; token_digest: Buffer }[] = await ds.query(
      `SELECT token_enc, token_digest FROM device_sync.devices WHERE identity_id = $1`,
      [me],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].token_enc.includes(Buffer.from(token))).toBe(false);
    expect(tokens.open(rows[0].token_enc, deviceId)).toBe(token);
    // Bound to its device: the sealed token does not open as another device's.
    expect(() => tokens.open(rows[0].token_enc, randomUUID())).toThrow();

    // The same token registered by another identity is another device.
    const other = await registerAs(newIdentity(), token);
    expect(other.DeviceId).not.toBe(deviceId);
  });

  it("keeps an identity's newest devices only", async () => {
    const me = newIdentity();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await registerAs(me, `token-${i}-${randomUUID()}`)).DeviceId);
    const kept: { device_id: string }[] = await ds.query(
      `SELECT device_id FROM device_sync.devices WHERE identity_id = $1 ORDER BY device_id`,
      [me],
    );
    expect(kept.map((r) => r.device_id)).toEqual(ids.slice(2).sort());
  });

  it("answers another identity's device as not found, and leaves it untouched", async () => {
    const owner = newIdentity();
    const stranger = newIdentity();
    const { DeviceId } = await registerAs(owner, `token-${randomUUID()}`);
    const request = { IdentityPoolId: poolId, IdentityId: stranger, DatasetName: 'notes', DeviceId };
    const err = await subscriptions.subscribe(request, as(stranger)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceError);
    expect((err as ServiceError).errorName).toBe('ResourceNotFoundException');
    const missing = await subscriptions
      .subscribe({ ...request, DeviceId: randomUUID() }, as(stranger))
      .catch((e: unknown) => e);
    // Word for word what a device that does not exist gets, so ids cannot be probed.
    expect((missing as ServiceError).errorName).toBe('ResourceNotFoundException');
    expect((err as ServiceError).message).toBe(`Device ${DeviceId} does not exist for this identity.`);
    expect(await devices.subscriptionsOf(DeviceId)).toEqual([]);
  });

  it('holds the subscription limit under racing subscriptions, and drops them with the device', async () => {
    const me = newIdentity();
    const { DeviceId } = await registerAs(me, `token-${randomUUID()}`);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        subscriptions.subscribe(
          { IdentityPoolId: poolId, IdentityId: me, DatasetName: `set-${i}`, DeviceId },
          as(me),
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(4);
    expect(await devices.subscriptionsOf(DeviceId)).toHaveLength(4);
    const [first] = await devices.subscriptionsOf(DeviceId);
    expect((await devices.subscribersOf(me, first)).map((d) => d.deviceId)).toEqual([DeviceId]);

    await subscriptions.unsubscribe(
      { IdentityPoolId: poolId, IdentityId: me, DatasetName: first, DeviceId },
      as(me),
    );
    expect(await devices.subscribersOf(me, first)).toEqual([]);
    // Each accepted change, and only those, was announced for the device gateway, in its commit.
    const announced: { payload: { datasetName: string; subscribed: boolean; deviceId: string } }[] =
      await ds.query(`SELECT payload FROM device_sync.outbox WHERE topic = $1 AND key = $2 ORDER BY id`, [
        'device-sync.device-subscription.changed.v1',
        me,
      ]);
    // The four accepted subscriptions (the refused ones rolled back with their announcement), then
    // the unsubscription.
    expect(announced).toHaveLength(5);
    expect(announced.map((r) => [r.payload.datasetName, r.payload.subscribed])[4]).toEqual([first, false]);
    expect(announced.filter((r) => r.payload.subscribed)).toHaveLength(4);
    expect(announced.every((r) => r.payload.deviceId === DeviceId)).toBe(true);
    // Unsubscribing again changes nothing, and announces nothing.
    await subscriptions.unsubscribe(
      { IdentityPoolId: poolId, IdentityId: me, DatasetName: first, DeviceId },
      as(me),
    );
    const [{ n }] = await ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM device_sync.outbox WHERE topic = $1 AND key = $2`,
      ['device-sync.device-subscription.changed.v1', me],
    );
    expect(n).toBe(5);
    await devices.delete(DeviceId);
    const left: unknown[] = await ds.query(
      `SELECT 1 FROM device_sync.dataset_subscriptions WHERE device_id = $1`,
      [DeviceId],
    );
    expect(left).toEqual([]);
  });
});
