import { randomUUID } from 'node:crypto';
import { Transactions } from '@idfed/persistence';
import { CodePurpose, VerificationCodeEntity } from '../src/database/entities';
import { VerificationCodesRepository } from '../src/users/verification-codes.repository';
import { UserDirectoryTestDatabase } from './support/user-directory-database';

/** Verification codes against a real PostgreSQL: one live code per purpose, each used up once. */
describe('VerificationCodesRepository on PostgreSQL', () => {
  let db: UserDirectoryTestDatabase;
  let codes: VerificationCodesRepository;
  let transactions: Transactions;
  let poolId: string;
  let n = 0;

  async function aUser(): Promise<string> {
    const sub = randomUUID();
    await db.dataSource.query(
      `INSERT INTO user_directory.users (sub, pool_id, username, username_key, status) VALUES ($1, $2, $3, $3, 'UNCONFIRMED')`,
      [sub, poolId, `user${n++}`],
    );
    return sub;
  }
  function code(
    userSub: string,
    codeHash: string,
    purpose: CodePurpose = 'confirm-sign-up',
    ttlMs = 60_000,
  ): VerificationCodeEntity {
    return { userSub, purpose, codeHash, expiresAt: new Date(Date.now() + ttlMs), createdAt: new Date() };
  }

  beforeAll(async () => {
    db = await UserDirectoryTestDatabase.create('codes');
    codes = new VerificationCodesRepository(db.dataSource);
    transactions = new Transactions(db.dataSource);
    poolId = (await db.pool('us-east-1_Codes1')).id;
  });
  afterAll(() => db.drop());

  it('keeps one code per user and purpose: a new one replaces the old', async () => {
    const sub = await aUser();
    await codes.replace(code(sub, 'first'));
    await codes.replace(code(sub, 'other purpose', 'verify-email'));
    await codes.replace(code(sub, 'second'));
    expect((await codes.find(sub, 'confirm-sign-up'))?.codeHash).toBe('second');
    expect((await codes.find(sub, 'verify-email'))?.codeHash).toBe('other purpose');
    expect(await codes.find(sub, 'forgot-password')).toBeUndefined();
  });

  it('lets exactly one of many concurrent requests use a code up', async () => {
    const sub = await aUser();
    await codes.replace(code(sub, 'digest'));
    const taken = await Promise.all(
      Array.from({ length: 6 }, () =>
        transactions.run((tx) => codes.consume(sub, 'confirm-sign-up', 'digest', new Date(), tx)),
      ),
    );
    expect(taken.filter(Boolean)).toHaveLength(1);
    expect(await codes.find(sub, 'confirm-sign-up')).toBeUndefined();
  });

  it('does not use up a code with another digest, another purpose or past its expiry', async () => {
    const sub = await aUser();
    await codes.replace(code(sub, 'digest', 'forgot-password', 1000));
    const consume = (hash: string, purpose: CodePurpose, at: Date) =>
      transactions.run((tx) => codes.consume(sub, purpose, hash, at, tx));
    expect(await consume('wrong', 'forgot-password', new Date())).toBe(false);
    expect(await consume('digest', 'verify-email', new Date())).toBe(false);
    expect(await consume('digest', 'forgot-password', new Date(Date.now() + 60_000))).toBe(false);
    expect((await codes.find(sub, 'forgot-password'))?.codeHash).toBe('digest');
  });

  it('forgets a code only for the purpose named, and with a rolled-back unit of work not at all', async () => {
    const sub = await aUser();
    await codes.replace(code(sub, 'a', 'verify-email'));
    await codes.replace(code(sub, 'b', 'verify-phone_number'));
    await transactions
      .run(async (tx) => {
        await codes.delete(sub, 'verify-email', tx);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect((await codes.find(sub, 'verify-email'))?.codeHash).toBe('a');
    await transactions.run((tx) => codes.delete(sub, 'verify-email', tx));
    expect(await codes.find(sub, 'verify-email')).toBeUndefined();
    expect((await codes.find(sub, 'verify-phone_number'))?.codeHash).toBe('b');
  });

  it('stores a code issued after the answer unless a newer request stored one first', async () => {
    const sub = await aUser();
    const at = (ms: number, hash: string): VerificationCodeEntity => ({
      ...code(sub, hash, 'forgot-password'),
      createdAt: new Date(Date.now() + ms),
    });
    await codes.replaceUnlessNewer(at(0, 'first'));
    await codes.replaceUnlessNewer(at(2000, 'third'));
    // The second request's write lands last: the third's code stays.
    await codes.replaceUnlessNewer(at(1000, 'second'));
    expect((await codes.find(sub, 'forgot-password'))?.codeHash).toBe('third');
    await codes.replaceUnlessNewer(at(3000, 'fourth'));
    expect((await codes.find(sub, 'forgot-password'))?.codeHash).toBe('fourth');
  });

  it('answers a comparison with one row of two booleans, with or without a code (ADR 0068)', async () => {
    const sub = await aUser();
    await codes.replace(code(sub, 'digest', 'forgot-password'));
    const now = new Date();
    expect(await codes.compare(sub, 'forgot-password', 'digest', now)).toEqual({ live: true, same: true });
    expect(await codes.compare(sub, 'forgot-password', 'other', now)).toEqual({ live: true, same: false });
    // Past its expiry, another purpose, a user nobody has.
    const later = new Date(Date.now() + 120_000);
    expect(await codes.compare(sub, 'forgot-password', 'digest', later)).toEqual({ live: false, same: true });
    expect(await codes.compare(sub, 'confirm-sign-up', 'digest', now)).toEqual({ live: false, same: false });
    expect(await codes.compare(randomUUID(), 'forgot-password', 'digest', now)).toEqual({
      live: false,
      same: false,
    });
  });
});
