import { randomBytes, randomUUID } from 'node:crypto';
import { PasswordHistoryRepository, PreviousPassword } from '../src/users/password-history.repository';
import { UserDirectoryTestDatabase } from './support/user-directory-database';

/**
 * Password history on PostgreSQL (ADR 0057): the newest first and no more than asked, pruned to
 * what the pool keeps (nothing at 0), one user's rows never another's, and gone with their user.
 */
describe('PasswordHistoryRepository on PostgreSQL', () => {
  let db: UserDirectoryTestDatabase;
  let history: PasswordHistoryRepository;
  const poolId = 'us-east-1_PwHist';

  async function aUser(): Promise<string> {
    const sub = randomUUID();
    await db.dataSource.query(
      `INSERT INTO user_directory.users (sub, pool_id, username, username_key, status, enabled, attributes)
       VALUES ($1, $2, $3, $3, 'CONFIRMED', true, '{}'::jsonb)`,
      [sub, poolId, `user-${sub}`],
    );
    return sub;
  }

  const previous = (salt: string): PreviousPassword => ({
    passwordHash: null,
    srpSalt: salt,
    srpVerifierEnc: randomBytes(48),
  });

  async function add(sub: string, salt: string, keep: number): Promise<PreviousPassword> {
    const p = previous(salt);
    await db.dataSource.transaction((tx) => history.add(sub, poolId, p, keep, new Date(), tx));
    return p;
  }

  beforeAll(async () => {
    db = await UserDirectoryTestDatabase.create('password_history');
    await db.pool(poolId);
    history = new PasswordHistoryRepository(db.dataSource);
  });
  afterAll(() => db.drop());

  it('answers the newest first, no more than the limit, in the stored form', async () => {
    const sub = await aUser();
    const first = await add(sub, 'a1', 5);
    const second = await add(sub, 'a2', 5);
    const third = await add(sub, 'a3', 5);
    expect(await history.recent(sub, 2)).toEqual([third, second]);
    expect(await history.recent(sub, 10)).toEqual([third, second, first]);
    expect(await history.recent(sub, 0)).toEqual([]);
  });

  it('prunes to what the pool keeps, and keeps nothing at 0', async () => {
    const sub = await aUser();
    for (const salt of ['b1', 'b2', 'b3', 'b4']) await add(sub, salt, 2);
    expect((await history.recent(sub, 10)).map((p) => p.srpSalt)).toEqual(['b4', 'b3']);
    await add(sub, 'b5', 0);
    expect(await history.recent(sub, 10)).toEqual([]);
  });

  it("keeps one user out of another user's history, and drops it with the user", async () => {
    const ann = await aUser();
    const bob = await aUser();
    await add(ann, 'c1', 3);
    await add(bob, 'd1', 1);
    await add(bob, 'd2', 1);
    expect((await history.recent(ann, 10)).map((p) => p.srpSalt)).toEqual(['c1']);
    expect((await history.recent(bob, 10)).map((p) => p.srpSalt)).toEqual(['d2']);
    await db.dataSource.query(`DELETE FROM user_directory.users WHERE sub = $1`, [ann]);
    const left: unknown[] = await db.dataSource.query(
      `SELECT 1 FROM user_directory.password_history WHERE user_sub = $1`,
      [ann],
    );
    expect(left).toEqual([]);
  });
});
