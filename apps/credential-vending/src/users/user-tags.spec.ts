import { ServiceError } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { IamArns } from '../common/arns';
import { ListUserTagsHandler } from './list-user-tags.handler';
import { TagUserHandler } from './tag-user.handler';
import { UntagUserHandler } from './untag-user.handler';
import { UserLookup } from './user.lookup';
import { StoredUser, UsersRepository } from './users.repository';

const arns = new IamArns('123456789012');
const tx = { unitOfWork: 'handle' } as unknown as Transaction;
const transactions = {
  run: jest.fn((work: (t: Transaction) => Promise<unknown>) => work(tx)),
} as unknown as Transactions;

function setUp(tags: StoredUser['tags']) {
  const alice: StoredUser = {
    userId: 'AIDAEXAMPLEEXAMPLE1',
    name: 'Alice',
    nameKey: 'alice',
    path: '/',
    arn: arns.user('/', 'Alice'),
    permissionsBoundary: null,
    tags,
    createdAt: new Date(0),
    updatedAt: new Date(0),
  };
  const users = {
    findByName: jest.fn().mockResolvedValue(alice),
    setTags: jest.fn().mockResolvedValue(undefined),
  };
  const repository = users as unknown as UsersRepository;
  return { users, repository, lookup: new UserLookup(repository) };
}

async function errorOf(promise: Promise<unknown>): Promise<{ name?: string; message?: string }> {
  return promise.then(
    () => ({}),
    (err: ServiceError) => ({ name: err.errorName, message: err.message }),
  );
}

describe('TagUser, UntagUser, ListUserTags', () => {
  it('adds tags under the row lock, a key in another case replacing the old one', async () => {
    const s = setUp([
      { Key: 'Team', Value: 'dev' },
      { Key: 'cost', Value: '1' },
    ]);
    await new TagUserHandler(transactions, s.lookup, s.repository).execute({
      UserName: 'alice',
      Tags: [{ Key: 'team', Value: 'ops' }],
    });
    expect(s.users.findByName).toHaveBeenCalledWith('alice', tx, true);
    expect(s.users.setTags).toHaveBeenCalledWith(
      'AIDAEXAMPLEEXAMPLE1',
      [
        { Key: 'cost', Value: '1' },
        { Key: 'team', Value: 'ops' },
      ],
      tx,
    );
  });

  it('refuses a 51st tag and a malformed key, writing nothing', async () => {
    const s = setUp(Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: '' })));
    const handler = new TagUserHandler(transactions, s.lookup, s.repository);
    expect(await errorOf(handler.execute({ UserName: 'Alice', Tags: [{ Key: 'new', Value: 'v' }] }))).toEqual(
      {
        name: 'LimitExceeded',
        message: 'Cannot exceed quota for TagsPerUser: 50',
      },
    );
    expect(
      (await errorOf(handler.execute({ UserName: 'Alice', Tags: [{ Key: 'bad key!', Value: 'v' }] }))).name,
    ).toBe('ValidationError');
    expect(s.users.setTags).not.toHaveBeenCalled();
  });

  it('removes keys in any case and ignores keys the user lacks', async () => {
    const s = setUp([
      { Key: 'Team', Value: 'dev' },
      { Key: 'cost', Value: '1' },
    ]);
    const handler = new UntagUserHandler(transactions, s.lookup, s.repository);
    await handler.execute({ UserName: 'Alice', TagKeys: ['nothing'] });
    expect(s.users.setTags).not.toHaveBeenCalled();
    await handler.execute({ UserName: 'Alice', TagKeys: ['TEAM'] });
    expect(s.users.setTags).toHaveBeenCalledWith('AIDAEXAMPLEEXAMPLE1', [{ Key: 'cost', Value: '1' }], tx);
  });

  it('lists the tags in order, paged', async () => {
    const s = setUp([
      { Key: 'a', Value: '1' },
      { Key: 'b', Value: '2' },
      { Key: 'c', Value: '3' },
    ]);
    const handler = new ListUserTagsHandler(s.lookup);
    const first = await handler.execute({ UserName: 'Alice', MaxItems: 2 });
    expect(first.Tags.map((t) => t.Key)).toEqual(['a', 'b']);
    expect(first.IsTruncated).toBe(true);
    const rest = await handler.execute({ UserName: 'Alice', Marker: first.Marker });
    expect(rest).toEqual({ Tags: [{ Key: 'c', Value: '3' }], IsTruncated: false });
  });

  it('answers NoSuchEntity for an unknown user', async () => {
    const s = setUp([]);
    s.users.findByName.mockResolvedValue(undefined);
    expect((await errorOf(new ListUserTagsHandler(s.lookup).execute({ UserName: 'nobody' }))).name).toBe(
      'NoSuchEntity',
    );
  });
});
