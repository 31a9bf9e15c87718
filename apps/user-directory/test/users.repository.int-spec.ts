import { randomUUID } from 'node:crypto';
import { Transactions } from '@idfed/persistence';
import { UserEntity } from '../src/database/entities';
import { PoolConfig } from '../src/pools/pool-config';
import { aliasKey, usernameKey } from '../src/users/user-keys';
import { UsersRepository } from '../src/users/users.repository';
import { UserDirectoryTestDatabase } from './support/user-directory-database';

/** The users aggregate against a real PostgreSQL: unique keys, row locks and ListUsers' pages. */
describe('UsersRepository on PostgreSQL', () => {
  let db: UserDirectoryTestDatabase;
  let users: UsersRepository;
  let transactions: Transactions;
  let pool: { id: string; config: PoolConfig };
  let emailPool: { id: string; config: PoolConfig };
  let poolNo = 0;

  function newUser(
    poolId: string,
    config: PoolConfig,
    username: string,
    extra: Partial<UserEntity> = {},
  ): UserEntity {
    const now = new Date();
    return {
      sub: randomUUID(),
      poolId,
      username,
      usernameKey: usernameKey(config, username),
      aliasKey: null,
      passwordHash: null,
      srpSalt: null,
      srpVerifierEnc: null,
      passwordExpiresAt: null,
      status: 'CONFIRMED',
      enabled: true,
      attributes: {},
      tokensValidAfter: null,
      createdAt: now,
      updatedAt: now,
      ...extra,
    };
  }

  /** A user whose username is its sub and who signs in with `email` (an email-as-username pool). */
  function aliasUser(email: string): UserEntity {
    const sub = randomUUID();
    return newUser(emailPool.id, emailPool.config, sub, {
      sub,
      aliasKey: aliasKey(email),
      attributes: { email },
    });
  }

  async function create(user: UserEntity): Promise<'created' | 'exists'> {
    return transactions.run((tx) => users.insert(user, tx));
  }

  async function countIn(poolId: string): Promise<number> {
    const [row] = await db.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM user_directory.users WHERE pool_id = $1',
      [poolId],
    );
    return row.n;
  }

  beforeAll(async () => {
    db = await UserDirectoryTestDatabase.create('users');
    users = new UsersRepository(db.dataSource);
    transactions = new Transactions(db.dataSource);
  });
  afterAll(() => db.drop());

  beforeEach(async () => {
    poolNo++;
    pool = await db.pool(`us-east-1_Users${poolNo}`, { caseSensitive: false });
    emailPool = await db.pool(`us-east-1_Email${poolNo}`, { usernameAttributes: ['email'] });
  });

  it('finds a user by username (folded in a case-insensitive pool), by alias and by sub, in its pool only', async () => {
    const ann = newUser(pool.id, pool.config, 'Ann');
    expect(await create(ann)).toBe('created');
    const bob = aliasUser('Bob@Example.com');
    expect(await create(bob)).toBe('created');

    expect((await users.findByName(pool.id, pool.config, 'ANN'))?.sub).toBe(ann.sub);
    expect((await users.findByName(emailPool.id, emailPool.config, 'bob@example.COM'))?.sub).toBe(bob.sub);
    expect((await users.findByName(emailPool.id, emailPool.config, bob.sub))?.sub).toBe(bob.sub);
    expect(await users.findByName(emailPool.id, emailPool.config, 'Ann')).toBeUndefined();
    expect((await users.findBySub(ann.sub))?.username).toBe('Ann');
    expect(await users.findBySub(randomUUID())).toBeUndefined();
  });

  it("finds a sign-in's user with the pool's settings as they are now, in one statement", async () => {
    const ann = newUser(pool.id, pool.config, 'Ann');
    await create(ann);
    // The pool's MFA changed after the caller's copy of its settings was read.
    const changed: PoolConfig = { ...pool.config, mfaConfiguration: 'ON', mfa: { softwareToken: true } };
    await db.dataSource.query(`UPDATE user_directory.user_pools SET config = $2::jsonb WHERE id = $1`, [
      pool.id,
      JSON.stringify(changed),
    ]);
    const found = await users.findForSignIn(pool.id, pool.config, 'ANN');
    expect(found?.user.sub).toBe(ann.sub);
    expect(found?.poolConfig).toMatchObject({ mfaConfiguration: 'ON', mfa: { softwareToken: true } });
    expect(found?.poolConfig.passwordPolicy).toEqual(pool.config.passwordPolicy);
    expect(await users.findForSignIn(pool.id, pool.config, 'nobody')).toBeUndefined();
    expect(await users.findForSignIn(emailPool.id, emailPool.config, 'Ann')).toBeUndefined();
  });

  it('keeps the case of a username in a case-sensitive pool', async () => {
    const sensitive = await db.pool(`us-east-1_Case${poolNo}`, { caseSensitive: true });
    expect(await create(newUser(sensitive.id, sensitive.config, 'Cleo'))).toBe('created');
    expect(await create(newUser(sensitive.id, sensitive.config, 'cleo'))).toBe('created');
    expect((await users.findByName(sensitive.id, sensitive.config, 'Cleo'))?.username).toBe('Cleo');
    expect(await users.findByName(sensitive.id, sensitive.config, 'CLEO')).toBeUndefined();
  });

  it('creates exactly one of many concurrent users with one username, whatever its case', async () => {
    const names = ['dora', 'Dora', 'DORA', 'dOra', 'doRa', 'dorA', 'DOra', 'doRA'];
    const outcomes = await Promise.all(names.map((n) => create(newUser(pool.id, pool.config, n))));
    expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'exists')).toHaveLength(names.length - 1);
    expect(await countIn(pool.id)).toBe(1);
  });

  it('lets exactly one of many concurrent users claim one email alias', async () => {
    const claims = [
      'eve@example.com',
      'EVE@example.com',
      'Eve@Example.com',
      'eve@EXAMPLE.com',
      'eve@example.com',
    ];
    const outcomes = await Promise.all(claims.map((email) => create(aliasUser(email))));
    expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
    expect(await countIn(emailPool.id)).toBe(1);
    // The same alias is free in another pool.
    const other = await db.pool(`us-east-1_Other${poolNo}`, { usernameAttributes: ['email'] });
    const sub = randomUUID();
    expect(
      await create(newUser(other.id, other.config, sub, { sub, aliasKey: aliasKey('eve@example.com') })),
    ).toBe('created');
  });

  it("refuses an attribute change that takes another user's alias, leaving both users as they were", async () => {
    const fay = aliasUser('fay@example.com');
    const gus = aliasUser('gus@example.com');
    await create(fay);
    await create(gus);
    const outcome = await transactions
      .run(async (tx) => {
        const result = await users.updateAttributes(
          gus.sub,
          { attributes: { email: 'fay@example.com' }, aliasKey: 'fay@example.com', updatedAt: new Date() },
          tx,
        );
        if (result === 'alias-exists') throw new Error(result);
        return result;
      })
      .catch((err: Error) => err.message);
    expect(outcome).toBe('alias-exists');
    expect((await users.findBySub(gus.sub))?.attributes).toEqual({ email: 'gus@example.com' });
    expect((await users.findBySub(fay.sub))?.aliasKey).toBe('fay@example.com');
  });

  it('lets exactly one of two users racing to move their alias to the same new address win', async () => {
    const hal = aliasUser('hal@example.com');
    const ida = aliasUser('ida@example.com');
    await create(hal);
    await create(ida);
    const move = (sub: string) =>
      transactions
        .run((tx) =>
          users.updateAttributes(
            sub,
            { attributes: { email: 'new@example.com' }, aliasKey: 'new@example.com', updatedAt: new Date() },
            tx,
          ),
        )
        .catch(() => 'aborted');
    const outcomes = await Promise.all([move(hal.sub), move(ida.sub)]);
    expect(outcomes.filter((o) => o === 'updated')).toHaveLength(1);
    const holders = await db.dataSource.query<unknown[]>(
      `SELECT sub FROM user_directory.users WHERE pool_id = $1 AND alias_key = 'new@example.com'`,
      [emailPool.id],
    );
    expect(holders).toHaveLength(1);
  });

  it('serialises read-modify-write units on a row held for update: no update is lost', async () => {
    const jo = newUser(pool.id, pool.config, 'jo', { attributes: { 'custom:n': '0' } });
    await create(jo);
    const increment = (lockBy: 'sub' | 'name') =>
      transactions.run(async (tx) => {
        const held =
          lockBy === 'sub'
            ? await users.findBySub(jo.sub, tx, true)
            : await users.findByName(pool.id, pool.config, 'JO', tx, true);
        // Another turn of the event loop between the read and the write, as a use case has.
        await new Promise((r) => setImmediate(r));
        const n = Number(held!.attributes['custom:n']) + 1;
        await users.update(jo.sub, { attributes: { 'custom:n': String(n) } }, tx);
      });
    const units = Array.from({ length: 8 }, (_, i) => increment(i % 2 ? 'sub' : 'name'));
    await Promise.all(units);
    expect((await users.findBySub(jo.sub))?.attributes['custom:n']).toBe('8');
  });

  it('replaces a legacy password hash only while no verifier is stored', async () => {
    const kim = newUser(pool.id, pool.config, 'kim', { passwordHash: '$argon2id$legacy' });
    await create(kim);
    await users.update(kim.sub, { srpSalt: 'aa', srpVerifierEnc: Buffer.from('changed meanwhile') });
    await users.upgradeLegacyPassword(kim.sub, {
      passwordHash: null,
      srpSalt: 'bb',
      srpVerifierEnc: Buffer.from('upgrade'),
    });
    const stored = await users.findBySub(kim.sub);
    expect(stored?.srpVerifierEnc?.toString()).toBe('changed meanwhile');

    const lee = newUser(pool.id, pool.config, 'lee', { passwordHash: '$argon2id$legacy' });
    await create(lee);
    await users.upgradeLegacyPassword(lee.sub, {
      passwordHash: null,
      srpSalt: 'bb',
      srpVerifierEnc: Buffer.from('upgrade'),
    });
    expect(await users.findBySub(lee.sub)).toMatchObject({ passwordHash: null, srpSalt: 'bb' });
  });

  it('deletes a user with its codes, refresh tokens and group memberships', async () => {
    const max = newUser(pool.id, pool.config, 'max');
    await create(max);
    const q = (sql: string, params: unknown[]) => db.dataSource.query(sql, params);
    await q(
      `INSERT INTO user_directory.verification_codes (user_sub, purpose, code_hash, expires_at) VALUES ($1, 'confirm-sign-up', 'h', now())`,
      [max.sub],
    );
    await q(
      `INSERT INTO user_directory.refresh_tokens (token_hash, user_sub, pool_id, client_id, origin_jti, event_id, auth_time, expires_at)
       VALUES ($1, $2, $3, 'c', $4, $5, now(), now())`,
      [Buffer.from(randomUUID()), max.sub, pool.id, randomUUID(), randomUUID()],
    );
    await q(`INSERT INTO user_directory.groups (pool_id, name) VALUES ($1, 'g')`, [pool.id]);
    await q(`INSERT INTO user_directory.user_groups (pool_id, group_name, user_sub) VALUES ($1, 'g', $2)`, [
      pool.id,
      max.sub,
    ]);
    await transactions.run((tx) => users.delete(max.sub, tx));
    for (const table of ['users', 'verification_codes', 'refresh_tokens', 'user_groups']) {
      const column = table === 'users' ? 'sub' : 'user_sub';
      const rows = await q(`SELECT 1 FROM user_directory.${table} WHERE ${column} = $1`, [max.sub]);
      expect({ table, rows }).toEqual({ table, rows: [] });
    }
  });

  describe('ListUsers pages', () => {
    it('walks a pool in sub order, page by page, without repeating or skipping a user', async () => {
      const created: string[] = [];
      for (let i = 0; i < 7; i++) {
        const user = newUser(pool.id, pool.config, `walker${i}`);
        await create(user);
        created.push(user.sub);
      }
      await create(newUser(emailPool.id, emailPool.config, randomUUID()));
      const seen: string[] = [];
      let after: string | undefined;
      let pages = 0;
      do {
        const { page, next } = await users.page(pool.id, undefined, after, 3);
        seen.push(...page.map((u) => u.sub));
        after = next;
        pages++;
      } while (after);
      expect(pages).toBe(3);
      expect(seen).toEqual([...created].sort());
    });

    it('ends on a full last page without a next key', async () => {
      for (let i = 0; i < 4; i++) await create(newUser(pool.id, pool.config, `even${i}`));
      const first = await users.page(pool.id, undefined, undefined, 2);
      const second = await users.page(pool.id, undefined, first.next, 2);
      expect(second.page).toHaveLength(2);
      expect(second.next).toBeUndefined();
    });

    it('filters by username prefix literally, by status, by enabled state and by attribute', async () => {
      await create(newUser(pool.id, pool.config, 'al%pha', { attributes: { email: 'a@example.com' } }));
      await create(newUser(pool.id, pool.config, 'albert', { status: 'UNCONFIRMED' }));
      await create(
        newUser(pool.id, pool.config, 'bert', { enabled: false, attributes: { email: 'b@example.com' } }),
      );
      const names = async (filter: Parameters<UsersRepository['page']>[1]) =>
        (await users.page(pool.id, filter, undefined, 60)).page.map((u) => u.username).sort();

      expect(await names({ attribute: 'username', prefix: true, value: 'al' })).toEqual(['al%pha', 'albert']);
      expect(await names({ attribute: 'username', prefix: true, value: 'al%' })).toEqual(['al%pha']);
      expect(await names({ attribute: 'username', prefix: false, value: 'bert' })).toEqual(['bert']);
      expect(await names({ attribute: 'cognito:user_status', prefix: false, value: 'UNCONFIRMED' })).toEqual([
        'albert',
      ]);
      expect(await names({ attribute: 'status', prefix: false, value: 'Disabled' })).toEqual(['bert']);
      expect(await names({ attribute: 'email', prefix: true, value: 'b@' })).toEqual(['bert']);
      expect(await names({ attribute: 'name', prefix: false, value: 'x' })).toEqual([]);
    });
  });
});
