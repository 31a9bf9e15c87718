import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { migrateServiceSchema, serviceDataSourceOptions } from '@idfed/persistence';
import { hashRefreshToken, newRefreshTokenRow } from '../src/auth/refresh-tokens';
import { RefreshTokensRepository } from '../src/auth/refresh-tokens.repository';
import { userDirectoryEntities } from '../src/database/entities';
import { userDirectoryMigrations } from '../src/database/migrations';
import { USER_DIRECTORY_SCHEMA } from '../src/database/schema';

const POOL = 'us-east-1_Refresh1';

/** The refresh tokens repository against a real PostgreSQL: races, sessions, cascades. */
describe('RefreshTokensRepository on PostgreSQL', () => {
  const dbName = `idfed_ud_refresh_${Date.now()}_${randomBytes(3).toString('hex')}`;
  let serverUrl: string;
  let dataSource: DataSource;
  let repo: RefreshTokensRepository;

  async function newUser(username = `user-${randomBytes(4).toString('hex')}`): Promise<string> {
    const sub = randomUUID();
    await dataSource.query(
      `INSERT INTO user_directory.users (sub, pool_id, username, username_key, status)
       VALUES ($1, $2, $3, $3, 'CONFIRMED')`,
      [sub, POOL, username],
    );
    return sub;
  }

  /** Stores a live refresh token of a new session of `sub`; its plaintext and origin_jti. */
  async function issue(sub: string, originJti = randomUUID()): Promise<{ token: string; originJti: string }> {
    const now = Date.now();
    const { token, row } = newRefreshTokenRow({
      userSub: sub,
      poolId: POOL,
      clientId: 'client1',
      originJti,
      eventId: randomUUID(),
      authTime: new Date(now),
      expiresAt: new Date(now + 3_600_000),
    });
    await repo.insert(row);
    return { token, originJti };
  }

  beforeAll(async () => {
    serverUrl = process.env.IDFED_TEST_DATABASE_URL!;
    const c = new Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`CREATE DATABASE "${dbName}"`);
    await c.end();
    const url = new URL(serverUrl);
    url.pathname = `/${dbName}`;
    dataSource = new DataSource(
      serviceDataSourceOptions({
        url: url.toString(),
        schema: USER_DIRECTORY_SCHEMA,
        entities: userDirectoryEntities,
        migrations: userDirectoryMigrations(randomBytes(32)),
      }),
    );
    await dataSource.initialize();
    await migrateServiceSchema(dataSource, USER_DIRECTORY_SCHEMA);
    await dataSource.query(
      `INSERT INTO user_directory.user_pools (id, name, config) VALUES ($1, 'refresh', '{}'::jsonb)`,
      [POOL],
    );
    repo = new RefreshTokensRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    const c = new Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${dbName}"`);
    await c.end();
  });

  it('finds a token with its user and groups in one prepared lookup that is given only the hash', async () => {
    const sub = await newUser('alice');
    await dataSource.query(
      `INSERT INTO user_directory.groups (pool_id, name, role_arn, precedence) VALUES ($1, 'admins', 'arn:aws:iam::1:role/a', 1)`,
      [POOL],
    );
    await dataSource.query(
      `INSERT INTO user_directory.user_groups (pool_id, group_name, user_sub) VALUES ($1, 'admins', $2)`,
      [POOL, sub],
    );
    const { token, originJti } = await issue(sub);
    // The prepared lookup runs on the DataSource's pool itself (TypeORM's own queries take a client).
    const pool = (
      dataSource.driver as unknown as { master: { query: (config: unknown) => Promise<unknown> } }
    ).master;
    const original = pool.query.bind(pool);
    const sent: unknown[][] = [];
    const query = jest.spyOn(pool, 'query').mockImplementation((config: unknown) => {
      sent.push((config as { values: unknown[] }).values);
      return original(config);
    });
    try {
      const found = await repo.findForRefresh(hashRefreshToken(token));
      expect(found).toMatchObject({
        token: { userSub: sub, clientId: 'client1', originJti, revokedAt: null },
        user: {
          sub,
          username: 'alice',
          enabled: true,
          tokensValidAfter: null,
          groups: [{ name: 'admins', roleArn: 'arn:aws:iam::1:role/a', precedence: 1 }],
        },
      });
    } finally {
      query.mockRestore();
    }
    // The plaintext token never reaches the database, nor a parameter dump of the prepared statement.
    expect(sent).toEqual([[hashRefreshToken(token)]]);
    expect(JSON.stringify(sent)).not.toContain(token);
    expect(await repo.findForRefresh(hashRefreshToken('never-issued'))).toBeUndefined();
  });

  it('stores a new session’s token and reads its user’s groups in one prepared statement, sent only the hash', async () => {
    const sub = await newUser('dora');
    await dataSource.query(
      `INSERT INTO user_directory.groups (pool_id, name, precedence) VALUES ($1, 'readers', 7)`,
      [POOL],
    );
    await dataSource.query(
      `INSERT INTO user_directory.user_groups (pool_id, group_name, user_sub) VALUES ($1, 'readers', $2)`,
      [POOL, sub],
    );
    const now = Date.now();
    const { token, row } = newRefreshTokenRow({
      userSub: sub,
      poolId: POOL,
      clientId: 'client1',
      originJti: randomUUID(),
      eventId: randomUUID(),
      authTime: new Date(now),
      expiresAt: new Date(now + 3_600_000),
    });
    const pool = (
      dataSource.driver as unknown as { master: { query: (config: unknown) => Promise<unknown> } }
    ).master;
    const original = pool.query.bind(pool);
    const sent: unknown[][] = [];
    const query = jest.spyOn(pool, 'query').mockImplementation((config: unknown) => {
      sent.push((config as { values: unknown[] }).values);
      return original(config);
    });
    let groups: unknown;
    try {
      groups = await repo.insertReadingGroups(row);
    } finally {
      query.mockRestore();
    }
    expect(groups).toEqual([{ name: 'readers', roleArn: null, precedence: 7 }]);
    expect(await repo.find(hashRefreshToken(token))).toMatchObject({ userSub: sub, revokedAt: null });
    expect(JSON.stringify(sent)).not.toContain(token);
    expect(sent[0][0]).toEqual(hashRefreshToken(token));
    // A user in no group gets an empty list, and the token is stored all the same.
    const lone = newRefreshTokenRow({ ...row, userSub: await newUser() });
    expect(await repo.insertReadingGroups(lone.row)).toEqual([]);
    expect(await repo.find(lone.row.tokenHash)).toBeDefined();
  });

  it('revokes a token exactly once when 20 revocations of it race', async () => {
    const sub = await newUser('bob');
    const { token } = await issue(sub);
    const hash = hashRefreshToken(token);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => dataSource.transaction((tx) => repo.revoke(hash, new Date(), tx))),
    );
    expect(outcomes.filter((o) => o !== undefined)).toEqual([{ username: 'bob' }]);
    const stored = await repo.find(hash);
    expect(stored?.revokedAt).toBeInstanceOf(Date);
    expect(await repo.isSessionRevoked(stored!.originJti, sub)).toBe(true);
    // A later revocation changes nothing, not even the instant of the first.
    expect(await repo.revoke(hash, new Date(Date.now() + 60_000))).toBeUndefined();
    expect((await repo.find(hash))?.revokedAt).toEqual(stored?.revokedAt);
  });

  it('sees a revocation made while refreshes of the same token race it', async () => {
    const sub = await newUser();
    const { token } = await issue(sub);
    const hash = hashRefreshToken(token);
    const [before, , ...during] = await Promise.all([
      repo.findForRefresh(hash),
      dataSource.transaction((tx) => repo.revoke(hash, new Date(), tx)),
      ...Array.from({ length: 10 }, () => repo.findForRefresh(hash)),
    ]);
    expect(before?.user.sub).toBe(sub);
    // Each concurrent lookup saw the token either live or revoked, never half-written.
    for (const seen of during) expect(seen?.token.userSub).toBe(sub);
    expect((await repo.findForRefresh(hash))?.token.revokedAt).toBeInstanceOf(Date);
  });

  it('revokes every live token of a user once, naming each session once, when sign-outs race', async () => {
    const sub = await newUser();
    const other = await newUser();
    const shared = randomUUID();
    const tokens = [await issue(sub, shared), await issue(sub, shared), await issue(sub), await issue(sub)];
    const untouched = await issue(other);
    const alreadyRevoked = await issue(sub);
    await repo.revoke(hashRefreshToken(alreadyRevoked.token), new Date());

    const results = await Promise.all(
      Array.from({ length: 5 }, () => dataSource.transaction((tx) => repo.revokeAllOf(sub, new Date(), tx))),
    );
    const named = results.flat();
    expect(named.sort()).toEqual([...new Set(tokens.map((t) => t.originJti))].sort());
    for (const { token } of tokens)
      expect((await repo.find(hashRefreshToken(token)))?.revokedAt).not.toBeNull();
    expect((await repo.find(hashRefreshToken(untouched.token)))?.revokedAt).toBeNull();
    expect(await repo.isSessionRevoked(untouched.originJti, other)).toBe(false);
    // Another user's session id is never taken for this user's.
    expect(await repo.isSessionRevoked(shared, other)).toBe(false);
  });

  it('takes part in the caller’s transaction: a rolled-back revocation leaves the token live', async () => {
    const sub = await newUser();
    const { token } = await issue(sub);
    const hash = hashRefreshToken(token);
    await expect(
      dataSource.transaction(async (tx) => {
        expect(await repo.revoke(hash, new Date(), tx)).toBeDefined();
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await repo.find(hash))?.revokedAt).toBeNull();
  });

  it('loses the tokens with their user', async () => {
    const sub = await newUser();
    const { token } = await issue(sub);
    expect(await repo.find(hashRefreshToken(token))).toBeDefined();
    await dataSource.query(`DELETE FROM user_directory.users WHERE sub = $1`, [sub]);
    expect(await repo.find(hashRefreshToken(token))).toBeUndefined();
  });
});
