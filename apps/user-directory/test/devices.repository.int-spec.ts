import { randomBytes, randomUUID } from 'node:crypto';
import { RefreshTokensRepository } from '../src/auth/refresh-tokens.repository';
import { newRefreshTokenRow } from '../src/auth/refresh-tokens';
import { DevicesRepository } from '../src/devices/devices.repository';
import { UserDirectoryTestDatabase } from './support/user-directory-database';

/**
 * Remembered devices on PostgreSQL (ADR 0028): a device key is confirmed once, a device is found
 * only with its own user and pool, pages follow (created_at, device_key), concurrent forgets of
 * one device succeed once, forgetting revokes the device's refresh tokens (only its), and devices
 * go with their user.
 */
describe('DevicesRepository on PostgreSQL', () => {
  let db: UserDirectoryTestDatabase;
  let devices: DevicesRepository;
  let tokens: RefreshTokensRepository;
  const poolId = 'us-east-1_DevRepo';

  async function aUser(): Promise<string> {
    const sub = randomUUID();
    await db.dataSource.query(
      `INSERT INTO user_directory.users (sub, pool_id, username, username_key, status, enabled, attributes)
       VALUES ($1, $2, $3, $3, 'CONFIRMED', true, '{}'::jsonb)`,
      [sub, poolId, `user-${sub}`],
    );
    return sub;
  }

  const key = () => `us-east-1_${randomUUID()}`;
  const device = (userSub: string, deviceKey = key()) => ({
    deviceKey,
    poolId,
    userSub,
    groupKey: '-group',
    salt: randomBytes(16).toString('hex'),
    verifier: randomBytes(384).toString('hex'),
    name: 'laptop',
    remembered: true,
    lastIp: '127.0.0.1',
  });

  async function tokenFor(userSub: string, deviceKey: string | null) {
    const { row } = newRefreshTokenRow({
      userSub,
      poolId,
      clientId: 'client',
      originJti: randomUUID(),
      eventId: randomUUID(),
      authTime: new Date(),
      expiresAt: new Date(Date.now() + 3_600_000),
      scopes: null,
      deviceKey,
    });
    await tokens.insertReadingGroups(row);
    return row;
  }

  beforeAll(async () => {
    db = await UserDirectoryTestDatabase.create('devices');
    await db.pool(poolId);
    devices = new DevicesRepository(db.dataSource);
    tokens = new RefreshTokensRepository(db.dataSource);
  });
  afterAll(() => db.drop());

  it('confirms a key once, and finds the device only with its own user and pool', async () => {
    const sub = await aUser();
    const other = await aUser();
    const d = device(sub);
    const at = new Date('2030-01-01T00:00:00.000Z');
    expect(await devices.insert(d, at)).toBe('created');
    expect(await devices.insert({ ...device(other, d.deviceKey) }, at)).toBe('exists');
    expect(await devices.find(poolId, sub, d.deviceKey)).toMatchObject({
      ...d,
      createdAt: at,
      lastModifiedAt: at,
      lastAuthenticatedAt: at,
    });
    expect(await devices.find(poolId, other, d.deviceKey)).toBeUndefined();
    expect(await devices.find('us-east-1_Other', sub, d.deviceKey)).toBeUndefined();
  });

  it('pages a user’s devices in creation order, and changes status and last sign-in', async () => {
    const sub = await aUser();
    const keys: string[] = [];
    for (let i = 0; i < 3; i++) {
      const d = device(sub);
      keys.push(d.deviceKey);
      await devices.insert(d, new Date(Date.UTC(2030, 0, 1, 0, 0, i)));
    }
    const first = await devices.listOf(sub, 2);
    expect(first.map((d) => d.deviceKey)).toEqual(keys);
    const rest = await devices.listOf(sub, 2, {
      createdAt: first[1].createdAt,
      deviceKey: first[1].deviceKey,
    });
    expect(rest.map((d) => d.deviceKey)).toEqual([keys[2]]);

    const later = new Date('2031-01-01T00:00:00.000Z');
    expect(await devices.setRemembered(sub, keys[0], false, later)).toBe(true);
    expect(await devices.setRemembered(await aUser(), keys[0], true, later)).toBe(false);
    await devices.authenticated(keys[0], later);
    expect(await devices.find(poolId, sub, keys[0])).toMatchObject({
      remembered: false,
      lastModifiedAt: later,
      lastAuthenticatedAt: later,
    });
  });

  it('forgets a device once under concurrency, revoking its refresh tokens and no others', async () => {
    const sub = await aUser();
    const d = device(sub);
    await devices.insert(d, new Date());
    const bound = await tokenFor(sub, d.deviceKey);
    const unbound = await tokenFor(sub, null);
    const forgets = await Promise.all(
      Array.from({ length: 6 }, () =>
        db.dataSource.transaction(async (tx) => {
          const gone = await devices.forget(sub, d.deviceKey, tx);
          const ended = await tokens.revokeOfDevice(d.deviceKey, new Date(), tx);
          return { gone, ended };
        }),
      ),
    );
    expect(forgets.filter((f) => f.gone)).toHaveLength(1);
    expect(forgets.flatMap((f) => f.ended.map((e) => e.originJti))).toEqual([bound.originJti]);
    expect((await tokens.findForRefresh(bound.tokenHash))?.token.revokedAt).toBeInstanceOf(Date);
    expect((await tokens.findForRefresh(unbound.tokenHash))?.token.revokedAt).toBeNull();
    expect(await devices.find(poolId, sub, d.deviceKey)).toBeUndefined();
  });

  it('tells a refresh whether its device is confirmed, and deletes devices with their user', async () => {
    const sub = await aUser();
    const d = device(sub);
    const before = await tokenFor(sub, d.deviceKey);
    expect(await tokens.findForRefresh(before.tokenHash)).toMatchObject({
      token: { deviceKey: d.deviceKey },
      deviceConfirmed: false,
    });
    await devices.insert(d, new Date());
    expect((await tokens.findForRefresh(before.tokenHash))?.deviceConfirmed).toBe(true);
    await db.dataSource.query(`DELETE FROM user_directory.users WHERE sub = $1`, [sub]);
    expect(await devices.listOf(sub, 10)).toEqual([]);
  });
});
