import { CommandMeta } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { encodeMarker } from '../common/page-marker';
import { noSuchCredential, UserCredentialSteps } from './user-credential-steps';
import { UserLookup } from './user.lookup';

const tx = { unitOfWork: 'handle' } as unknown as Transaction;
const transactions = {
  run: jest.fn((work: (t: Transaction) => Promise<unknown>) => work(tx)),
} as unknown as Transactions;
const meta = {
  requestId: 'r',
  caller: { kind: 'admin', accessKeyId: 'AKIAADMIN' },
} as unknown as CommandMeta;
const alice = { userId: 'AIDAALICE', name: 'alice' };

function setUp() {
  const users = { requireTarget: jest.fn(() => Promise.resolve(alice)) };
  return { users, steps: new UserCredentialSteps(transactions, users as unknown as UserLookup) };
}

const errorOf = (work: Promise<unknown>) =>
  work.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: ServiceError) => [e.errorName, e.message],
  );

describe('UserCredentialSteps (ADR 0033, 0085)', () => {
  it('adds under the locked user until the quota is reached, then LimitExceeded without inserting', async () => {
    const { users, steps } = setUp();
    const insert = jest.fn(() => Promise.resolve('added'));
    const quota = (held: number) => ({
      name: 'ThingsPerUser',
      limit: 2,
      count: jest.fn(() => Promise.resolve(held)),
    });
    const under = quota(1);
    expect(await steps.add('alice', meta, under, insert)).toBe('added');
    expect(users.requireTarget).toHaveBeenCalledWith('alice', meta, tx, true);
    expect(under.count).toHaveBeenCalledWith(alice.userId, tx);
    expect(insert).toHaveBeenCalledWith(alice, tx);
    insert.mockClear();
    expect(await errorOf(steps.add('alice', meta, quota(2), insert))).toEqual([
      'LimitExceeded',
      'Cannot exceed quota for ThingsPerUser: 2',
    ]);
    expect(insert).not.toHaveBeenCalled();
  });

  it("acts only on the user's own credential, NoSuchEntity otherwise", async () => {
    const { steps } = setUp();
    const act = jest.fn(() => Promise.resolve('done'));
    const named = (found: string | undefined) => ({
      find: jest.fn(() => Promise.resolve(found)),
      notFound: () => noSuchCredential('Thing', 'T1'),
    });
    const mine = named('T1');
    expect(await steps.onOwn(undefined, meta, mine, act)).toBe('done');
    expect(mine.find).toHaveBeenCalledWith(alice.userId, tx);
    expect(act).toHaveBeenCalledWith('T1', tx);
    act.mockClear();
    expect(await errorOf(steps.onOwn(undefined, meta, named(undefined), act))).toEqual([
      'NoSuchEntity',
      'The Thing with id T1 cannot be found.',
    ]);
    expect(act).not.toHaveBeenCalled();
    expect(await errorOf(steps.readOwn(undefined, meta, named(undefined)))).toEqual([
      'NoSuchEntity',
      'The Thing with id T1 cannot be found.',
    ]);
  });

  it('pages from the marker it gave, checking the marker before looking the user up', async () => {
    const { users, steps } = setUp();
    const read = jest.fn(() => Promise.resolve({ page: ['a', 'b'], next: 'b' }));
    const first = await steps.page({ UserName: 'alice', MaxItems: 2 }, meta, read);
    expect(first).toEqual({
      user: alice,
      page: ['a', 'b'],
      truncation: { IsTruncated: true, Marker: encodeMarker('b') },
    });
    expect(read).toHaveBeenCalledWith(alice.userId, undefined, 2);
    read.mockResolvedValueOnce({ page: ['c'], next: undefined as unknown as string });
    const last = await steps.page({ Marker: first.truncation.Marker }, meta, read);
    expect(read).toHaveBeenLastCalledWith(alice.userId, 'b', 100);
    expect(last.truncation).toEqual({ IsTruncated: false });
    users.requireTarget.mockClear();
    expect((await errorOf(steps.page({ Marker: 'forged' }, meta, read)))[0]).toBe('ValidationError');
    expect(users.requireTarget).not.toHaveBeenCalled();
    const every = await steps.pageOfEveryUser({}, (after, max) => Promise.resolve({ page: [after, max] }));
    expect(every).toEqual({ page: [undefined, 100], truncation: { IsTruncated: false } });
  });
});
