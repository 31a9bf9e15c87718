import { randomUUID } from 'node:crypto';
import { Transactions } from '@idfed/persistence';
import { UserEntity } from '../src/database/entities';
import { PoolConfig } from '../src/pools/pool-config';
import { takeAliases } from '../src/users/sign-in-aliases';
import { usernameKey } from '../src/users/user-keys';
import { UsersRepository } from '../src/users/users.repository';
import { UserDirectoryTestDatabase } from './support/user-directory-database';

/**
 * Sign-in aliases of `AliasAttributes` pools (ADR 0044) on a real PostgreSQL: the trigger that
 * derives them from the attributes, their unique indexes (and so concurrent claims), the lookup
 * and what ForceAliasCreation takes.
 */
describe('sign-in aliases on PostgreSQL', () => {
  let db: UserDirectoryTestDatabase;
  let users: UsersRepository;
  let transactions: Transactions;
  let pool: { id: string; config: PoolConfig };
  let sensitive: { id: string; config: PoolConfig };
  let plain: { id: string; config: PoolConfig };
  let poolNo = 0;
  const ALIASES = ['email', 'phone_number', 'preferred_username'];

  function newUser(
    target: { id: string; config: PoolConfig },
    username: string,
    attributes: Record<string, string>,
    status: UserEntity['status'] = 'CONFIRMED',
  ): UserEntity {
    const now = new Date();
    return {
      sub: randomUUID(),
      poolId: target.id,
      username,
      usernameKey: usernameKey(target.config, username),
      aliasKey: null,
      passwordHash: null,
      srpSalt: null,
      srpVerifierEnc: null,
      passwordExpiresAt: null,
      status,
      enabled: true,
      attributes,
      tokensValidAfter: null,
      createdAt: now,
      updatedAt: now,
    };
  }

  const insert = (user: UserEntity) => transactions.run((tx) => users.insertClaiming(user, tx));
  const find = (target: { id: string; config: PoolConfig }, name: string) =>
    users.findByName(target.id, target.config, name).then((u) => u?.username);
  const setAttributes = (sub: string, attributes: Record<string, string>) =>
    transactions
      .run((tx) => users.updateClaiming(sub, { attributes, updatedAt: new Date() }, tx))
      .catch(() => 'aborted');

  beforeAll(async () => {
    db = await UserDirectoryTestDatabase.create('aliases');
    users = new UsersRepository(db.dataSource);
    transactions = new Transactions(db.dataSource);
  });
  afterAll(() => db.drop());

  beforeEach(async () => {
    poolNo++;
    pool = await db.pool(`us-east-1_Alias${poolNo}`, { aliasAttributes: ALIASES, caseSensitive: false });
    sensitive = await db.pool(`us-east-1_AliasCs${poolNo}`, {
      aliasAttributes: ALIASES,
      caseSensitive: true,
    });
    plain = await db.pool(`us-east-1_Plain${poolNo}`, { caseSensitive: false });
  });

  it('signs in with a verified email or phone and a preferred_username, never an unverified one', async () => {
    const ann = newUser(pool, 'ann', {
      email: 'Ann@Example.com',
      email_verified: 'True',
      phone_number: '+15550100',
      phone_number_verified: 'false',
      preferred_username: 'Annie',
    });
    expect(await insert(ann)).toBe('created');
    expect(await find(pool, 'ann@example.COM')).toBe('ann');
    expect(await find(pool, 'ANNIE')).toBe('ann');
    expect(await find(pool, '+15550100')).toBeUndefined();
    expect((await users.findForSignIn(pool.id, pool.config, 'annie'))?.user.sub).toBe(ann.sub);
    // Verifying the phone makes it an alias; unverifying the email (or changing it) drops that one.
    await setAttributes(ann.sub, {
      ...ann.attributes,
      phone_number_verified: 'true',
      email_verified: 'false',
    });
    expect(await find(pool, '+15550100')).toBe('ann');
    expect(await find(pool, 'ann@example.com')).toBeUndefined();
    // The same attributes in a pool without aliases sign in nothing.
    expect(await insert(newUser(plain, 'bea', { email: 'bea@example.com', email_verified: 'true' }))).toBe(
      'created',
    );
    expect(await find(plain, 'bea@example.com')).toBeUndefined();
  });

  it('folds preferred_username only in a case-insensitive pool, and emails always', async () => {
    await insert(
      newUser(sensitive, 'Cleo', { preferred_username: 'CleoP', email: 'C@x.io', email_verified: 'true' }),
    );
    expect(await find(sensitive, 'CleoP')).toBe('Cleo');
    expect(await find(sensitive, 'cleop')).toBeUndefined();
    expect(await find(sensitive, 'c@X.IO')).toBe('Cleo');
    // Another case of the name is another alias in a case-sensitive pool, the same in the other.
    expect(await insert(newUser(sensitive, 'Dan', { preferred_username: 'cleop' }))).toBe('created');
    await insert(newUser(pool, 'cleo', { preferred_username: 'CleoP' }));
    expect(await insert(newUser(pool, 'dan', { preferred_username: 'cleop' }))).toBe('alias-exists');
  });

  it('refuses an alias another user holds, on insert and on update, leaving both users as they were', async () => {
    const eve = newUser(pool, 'eve', { email: 'eve@example.com', email_verified: 'true' });
    await insert(eve);
    // Unverified, the same email is no claim: the user is created without the alias.
    const mallory = newUser(pool, 'mallory', { email: 'EVE@example.com', email_verified: 'false' });
    expect(await insert(mallory)).toBe('created');
    expect(await find(pool, 'eve@example.com')).toBe('eve');
    // Verifying it (an admin setting the flag) is a claim on Eve's alias: refused.
    expect(await setAttributes(mallory.sub, { ...mallory.attributes, email_verified: 'true' })).toBe(
      'alias-exists',
    );
    expect((await users.findBySub(mallory.sub))?.attributes.email_verified).toBe('false');
    expect(await find(pool, 'eve@example.com')).toBe('eve');
    // A username wins over another user's preferred_username of the same text.
    await insert(newUser(pool, 'zed', { preferred_username: 'eve' }));
    expect(await find(pool, 'eve')).toBe('eve');
  });

  it('creates exactly one holder of an alias among concurrent claims', async () => {
    const claims = Array.from({ length: 8 }, (_, i) =>
      newUser(pool, `racer${i}`, {
        email: `Race@Example.com`,
        email_verified: 'true',
        preferred_username: `r${i}`,
      }),
    );
    const results = await Promise.all(claims.map((u) => insert(u)));
    expect(results.filter((r) => r === 'created')).toHaveLength(1);
    expect(results.filter((r) => r === 'alias-exists')).toHaveLength(7);
    const winner = claims[results.indexOf('created')];
    expect(await find(pool, 'race@example.com')).toBe(winner.username);
  });

  it('ForceAliasCreation takes a verified email from its holder, who loses the flag; never a preferred_username', async () => {
    const old = newUser(pool, 'old', {
      email: 'x@example.com',
      email_verified: 'true',
      preferred_username: 'px',
    });
    await insert(old);
    const fresh = newUser(pool, 'fresh', { email: 'X@example.com', email_verified: 'true' });
    await transactions.run(async (tx) => {
      await takeAliases(users, pool, fresh.sub, fresh.attributes, tx);
      expect(await users.insertClaiming(fresh, tx)).toBe('created');
    });
    expect(await find(pool, 'x@example.com')).toBe('fresh');
    const before = await users.findBySub(old.sub);
    expect(before?.attributes).toMatchObject({ email: 'x@example.com', email_verified: 'false' });
    expect(await find(pool, 'px')).toBe('old');
    const thief = newUser(pool, 'thief', { preferred_username: 'PX' });
    const taken = await transactions
      .run(async (tx) => {
        await takeAliases(users, pool, thief.sub, thief.attributes, tx);
        return users.insertClaiming(thief, tx);
      })
      .catch(() => 'aborted');
    expect(taken).toBe('alias-exists');
  });

  it('gives federated users no alias', async () => {
    await insert(
      newUser(pool, 'Google_1', { email: 'fed@example.com', email_verified: 'true' }, 'EXTERNAL_PROVIDER'),
    );
    expect(await find(pool, 'fed@example.com')).toBeUndefined();
    expect(await insert(newUser(pool, 'native', { email: 'fed@example.com', email_verified: 'true' }))).toBe(
      'created',
    );
    expect(await find(pool, 'fed@example.com')).toBe('native');
  });
});
