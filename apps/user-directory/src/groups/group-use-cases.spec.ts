import { CommandMeta, UserDirectoryTopics } from '@idfed/contracts';
import { OutboxService, ServiceError } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { GroupEntity, UserEntity, UserPoolEntity } from '../database/entities';
import { poolConfigFromRequest } from '../pools/pool-config';
import { PoolsService } from '../pools/pools.service';
import { UserPoolsRepository } from '../pools/user-pools.repository';
import { SigningKeysService } from '../tokens/signing-keys.service';
import { UserLookup } from '../users/user-lookup';
import { AdminAddUserToGroupUseCase } from './admin-add-user-to-group.use-case';
import { AdminListGroupsForUserUseCase } from './admin-list-groups-for-user.use-case';
import { AdminRemoveUserFromGroupUseCase } from './admin-remove-user-from-group.use-case';
import { CreateGroupUseCase } from './create-group.use-case';
import { DeleteGroupUseCase } from './delete-group.use-case';
import { GetGroupUseCase } from './get-group.use-case';
import { GroupsRepository } from './groups.repository';
import { ListGroupsUseCase } from './list-groups.use-case';
import { ListUsersInGroupUseCase } from './list-users-in-group.use-case';
import { UpdateGroupUseCase } from './update-group.use-case';

const POOL_ID = 'us-east-1_AbCdEf123';
const tx = { unitOfWork: 'handle' } as unknown as Transaction;
const meta = { requestId: 'req-1' } as CommandMeta;

const pool: UserPoolEntity = {
  id: POOL_ID,
  name: 'pool',
  config: poolConfigFromRequest({ PoolName: 'pool' }, 'arn'),
  createdAt: new Date(0),
  updatedAt: new Date(0),
};

function group(name = 'admins'): GroupEntity {
  return {
    poolId: POOL_ID,
    name,
    description: 'old',
    roleArn: null,
    precedence: 3,
    createdAt: new Date(1000),
    updatedAt: new Date(1000),
  };
}

/** The repositories as the group use cases see them: every query mocked. */
function fixture(foundPool: UserPoolEntity | undefined, foundGroup: GroupEntity | undefined) {
  const poolRows = { find: jest.fn().mockResolvedValue(foundPool) };
  const groupRows = {
    insert: jest.fn().mockResolvedValue('created'),
    find: jest.fn().mockResolvedValue(foundGroup),
    update: jest.fn().mockResolvedValue(undefined),
    delete: jest.fn().mockResolvedValue(true),
    page: jest.fn().mockResolvedValue({ page: [] }),
    pageMembers: jest.fn().mockResolvedValue({ page: [] }),
  };
  const transactions = { run: jest.fn((work: (t: Transaction) => Promise<unknown>) => work(tx)) };
  const outboxMock = { add: jest.fn().mockResolvedValue('event-1'), nudge: jest.fn() };
  const pools = new PoolsService(
    poolRows as unknown as UserPoolsRepository,
    { forgetPool: jest.fn() } as unknown as SigningKeysService,
  );
  return {
    poolRows,
    groupRows,
    transactions,
    pools,
    groups: groupRows as unknown as GroupsRepository,
    typedTransactions: transactions as unknown as Transactions,
    outboxMock,
    outbox: outboxMock as unknown as OutboxService,
  };
}

/** The events a use case wrote, each with the unit of work it was written in. */
function written(outbox: { add: jest.Mock }) {
  return outbox.add.mock.calls.map(
    ([inTx, event]: [Transaction, { topic: string; key: string; payload: object }]) => ({
      inTx,
      ...event,
    }),
  );
}

async function errorName(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (err: ServiceError) => err.errorName,
  );
}

describe('CreateGroup', () => {
  const request = { UserPoolId: POOL_ID, GroupName: 'admins', Precedence: 1 };

  it('inserts the group and answers it', async () => {
    const f = fixture(pool, undefined);
    const { Group } = await new CreateGroupUseCase(f.typedTransactions, f.outbox, f.pools, f.groups).execute(
      request,
      meta,
    );
    expect(f.groupRows.insert).toHaveBeenCalledWith(
      expect.objectContaining({ poolId: POOL_ID, name: 'admins', precedence: 1, description: null }),
      tx,
    );
    expect(Group).toMatchObject({ GroupName: 'admins', UserPoolId: POOL_ID, Precedence: 1 });
    expect(written(f.outboxMock)).toEqual([
      {
        inTx: tx,
        topic: UserDirectoryTopics.groupChanged,
        key: POOL_ID,
        payload: {
          userPoolId: POOL_ID,
          groupName: 'admins',
          change: 'created',
          precedence: 1,
          occurredAt: expect.any(String),
        },
        correlationId: 'req-1',
      },
    ]);
  });

  it.each([
    ['exists', 'GroupExistsException'],
    ['pool-gone', 'ResourceNotFoundException'],
  ])('answers %s from the repository as %s', async (result, name) => {
    const f = fixture(pool, undefined);
    f.groupRows.insert.mockResolvedValue(result);
    expect(
      await errorName(
        new CreateGroupUseCase(f.typedTransactions, f.outbox, f.pools, f.groups).execute(request, meta),
      ),
    ).toBe(name);
    expect(f.outboxMock.add).not.toHaveBeenCalled();
  });

  it('checks the pool before inserting', async () => {
    const f = fixture(undefined, undefined);
    expect(
      await errorName(
        new CreateGroupUseCase(f.typedTransactions, f.outbox, f.pools, f.groups).execute(request, meta),
      ),
    ).toBe('ResourceNotFoundException');
    expect(f.groupRows.insert).not.toHaveBeenCalled();
  });
});

describe('UpdateGroup', () => {
  it('changes only the members the request names, on the group locked in one unit of work', async () => {
    const f = fixture(pool, group());
    const useCase = new UpdateGroupUseCase(f.typedTransactions, f.outbox, f.pools, f.groups);
    const { Group } = await useCase.execute(
      { UserPoolId: POOL_ID, GroupName: 'admins', Precedence: 9 },
      meta,
    );
    expect(f.poolRows.find).toHaveBeenCalledWith(POOL_ID, tx, false);
    expect(f.groupRows.find).toHaveBeenCalledWith(POOL_ID, 'admins', tx, true);
    const [, , changes, inTx] = f.groupRows.update.mock.calls[0] as [string, string, object, Transaction];
    expect(inTx).toBe(tx);
    expect(Object.keys(changes).sort()).toEqual(['precedence', 'updatedAt']);
    expect(Group).toMatchObject({ Description: 'old', Precedence: 9 });
    expect(written(f.outboxMock)).toEqual([
      expect.objectContaining({
        inTx: tx,
        topic: UserDirectoryTopics.groupChanged,
        key: POOL_ID,
        payload: expect.objectContaining({ groupName: 'admins', change: 'updated', precedence: 9 }),
      }),
    ]);
    expect(written(f.outboxMock)[0].payload).not.toHaveProperty('roleArn');
  });

  it('writes no event when the request sets every member to what it was', async () => {
    const f = fixture(pool, group());
    const useCase = new UpdateGroupUseCase(f.typedTransactions, f.outbox, f.pools, f.groups);
    await useCase.execute(
      { UserPoolId: POOL_ID, GroupName: 'admins', Description: 'old', Precedence: 3 },
      meta,
    );
    expect(f.groupRows.update).toHaveBeenCalled();
    expect(f.outboxMock.add).not.toHaveBeenCalled();
  });

  it('answers ResourceNotFoundException for a missing group and changes nothing', async () => {
    const f = fixture(pool, undefined);
    const useCase = new UpdateGroupUseCase(f.typedTransactions, f.outbox, f.pools, f.groups);
    expect(await errorName(useCase.execute({ UserPoolId: POOL_ID, GroupName: 'admins' }, meta))).toBe(
      'ResourceNotFoundException',
    );
    expect(f.groupRows.update).not.toHaveBeenCalled();
  });
});

describe('DeleteGroup and GetGroup', () => {
  it('answers ResourceNotFoundException when there was no group to delete, and writes no event', async () => {
    const f = fixture(pool, undefined);
    const useCase = new DeleteGroupUseCase(f.typedTransactions, f.outbox, f.pools, f.groups);
    expect(await errorName(useCase.execute({ UserPoolId: POOL_ID, GroupName: 'admins' }, meta))).toBe(
      'ResourceNotFoundException',
    );
    expect(f.groupRows.delete).not.toHaveBeenCalled();
    expect(f.outboxMock.add).not.toHaveBeenCalled();
  });

  it('deletes the locked group and writes its event and one per member it had, in its unit of work', async () => {
    const f = fixture(pool, { ...group(), roleArn: 'arn:aws:iam::000000000000:role/admins' });
    const alice = { sub: '0b5e7a8c-1d2f-4a3b-9c8d-7e6f5a4b3c2d', username: 'alice' };
    const bob = { sub: '1b5e7a8c-1d2f-4a3b-9c8d-7e6f5a4b3c2d', username: 'bob' };
    const groupRows = f.groupRows as typeof f.groupRows & Record<string, jest.Mock>;
    groupRows.members = jest.fn().mockResolvedValue([alice, bob]);
    const useCase = new DeleteGroupUseCase(f.typedTransactions, f.outbox, f.pools, f.groups);
    expect(await useCase.execute({ UserPoolId: POOL_ID, GroupName: 'admins' }, meta)).toEqual({});
    expect(f.groupRows.find).toHaveBeenCalledWith(POOL_ID, 'admins', tx, true);
    expect(groupRows.members).toHaveBeenCalledWith(POOL_ID, 'admins', tx);
    expect(f.groupRows.delete).toHaveBeenCalledWith(POOL_ID, 'admins', tx);
    const events = written(f.outboxMock);
    expect(events.every((e) => e.inTx === tx)).toBe(true);
    expect(events.map((e) => [e.topic, e.key])).toEqual([
      [UserDirectoryTopics.groupChanged, POOL_ID],
      [UserDirectoryTopics.userGroupsChanged, alice.sub],
      [UserDirectoryTopics.userGroupsChanged, bob.sub],
    ]);
    expect(events[0].payload).toMatchObject({
      change: 'deleted',
      roleArn: 'arn:aws:iam::000000000000:role/admins',
      precedence: 3,
    });
    expect(events[2].payload).toMatchObject({
      userPoolId: POOL_ID,
      sub: bob.sub,
      username: 'bob',
      groupName: 'admins',
      change: 'removed',
    });
  });

  it('gets a group of the pool', async () => {
    const f = fixture(pool, group());
    const { Group } = await new GetGroupUseCase(f.pools, f.groups).execute({
      UserPoolId: POOL_ID,
      GroupName: 'admins',
    });
    expect(Group).toMatchObject({ GroupName: 'admins', Description: 'old' });
    expect(f.groupRows.find).toHaveBeenCalledWith(POOL_ID, 'admins', undefined, false);
  });
});

describe('ListGroups and ListUsersInGroup', () => {
  it('pages groups after the name a token carried, 60 when no Limit is given', async () => {
    const f = fixture(pool, undefined);
    f.groupRows.page.mockResolvedValueOnce({ page: [group('a')], next: 'a' });
    const useCase = new ListGroupsUseCase(f.pools, f.groups);
    const first = await useCase.execute({ UserPoolId: POOL_ID });
    expect(f.groupRows.page).toHaveBeenLastCalledWith(POOL_ID, undefined, 60);
    await useCase.execute({ UserPoolId: POOL_ID, Limit: 2, NextToken: first.NextToken });
    expect(f.groupRows.page).toHaveBeenLastCalledWith(POOL_ID, 'a', 2);
  });

  it('refuses a page token that does not carry a user sub', async () => {
    const f = fixture(pool, group());
    const useCase = new ListUsersInGroupUseCase(f.pools, f.groups);
    const notASub = Buffer.from(JSON.stringify({ after: 'x' })).toString('base64url');
    expect(
      await errorName(useCase.execute({ UserPoolId: POOL_ID, GroupName: 'admins', NextToken: notASub })),
    ).toBe('InvalidParameterException');
    expect(f.groupRows.pageMembers).not.toHaveBeenCalled();
  });
});

describe('the membership operations', () => {
  const request = { UserPoolId: POOL_ID, Username: 'alice', GroupName: 'admins' };
  const user = {
    sub: '0b5e7a8c-1d2f-4a3b-9c8d-7e6f5a4b3c2d',
    poolId: POOL_ID,
    username: 'alice',
  } as UserEntity;

  function memberships(foundGroup: GroupEntity | undefined) {
    const f = fixture(pool, foundGroup);
    const lookup = { requireAdminUser: jest.fn().mockResolvedValue({ pool, user }) };
    const groupRows = f.groupRows as typeof f.groupRows & Record<string, jest.Mock>;
    groupRows.addMember = jest.fn().mockResolvedValue('member');
    groupRows.removeMember = jest.fn().mockResolvedValue(true);
    groupRows.pageForUser = jest.fn().mockResolvedValue({ page: [group('a')], next: 'a' });
    return { ...f, groupRows, lookup, users: lookup as unknown as UserLookup };
  }

  it('adds the user the request names, without locking the user row', async () => {
    const f = memberships(group());
    expect(
      await new AdminAddUserToGroupUseCase(f.typedTransactions, f.outbox, f.users, f.groups).execute(
        request,
        meta,
      ),
    ).toEqual({});
    expect(f.lookup.requireAdminUser).toHaveBeenCalledWith(request, tx, false);
    expect(f.groupRows.addMember).toHaveBeenCalledWith(POOL_ID, 'admins', user.sub, tx);
    // Already a member: nothing changed, no event.
    expect(f.outboxMock.add).not.toHaveBeenCalled();
  });

  it('writes a groups-changed event in the unit of work of a new membership', async () => {
    const f = memberships(group());
    f.groupRows.addMember.mockResolvedValue('added');
    await new AdminAddUserToGroupUseCase(f.typedTransactions, f.outbox, f.users, f.groups).execute(
      request,
      meta,
    );
    expect(written(f.outboxMock)).toEqual([
      {
        inTx: tx,
        topic: UserDirectoryTopics.userGroupsChanged,
        key: user.sub,
        payload: {
          userPoolId: POOL_ID,
          sub: user.sub,
          username: 'alice',
          groupName: 'admins',
          change: 'added',
          occurredAt: expect.any(String),
        },
        correlationId: 'req-1',
      },
    ]);
  });

  it('writes a removed event only when the user was a member', async () => {
    const f = memberships(group());
    const useCase = new AdminRemoveUserFromGroupUseCase(f.typedTransactions, f.outbox, f.users, f.groups);
    f.groupRows.removeMember.mockResolvedValueOnce(false);
    expect(await useCase.execute(request, meta)).toEqual({});
    expect(f.outboxMock.add).not.toHaveBeenCalled();
    expect(await useCase.execute(request, meta)).toEqual({});
    expect(f.groupRows.removeMember).toHaveBeenLastCalledWith(POOL_ID, 'admins', user.sub, tx);
    expect(written(f.outboxMock)).toEqual([
      expect.objectContaining({
        inTx: tx,
        topic: UserDirectoryTopics.userGroupsChanged,
        key: user.sub,
        payload: expect.objectContaining({ sub: user.sub, groupName: 'admins', change: 'removed' }),
      }),
    ]);
  });

  it.each([
    ['user-gone', 'UserNotFoundException'],
    ['group-gone', 'ResourceNotFoundException'],
  ])('answers a membership insert that found the %s as %s', async (result, name) => {
    const f = memberships(group());
    f.groupRows.addMember.mockResolvedValue(result);
    expect(
      await errorName(
        new AdminAddUserToGroupUseCase(f.typedTransactions, f.outbox, f.users, f.groups).execute(
          request,
          meta,
        ),
      ),
    ).toBe(name);
  });

  it('refuses a group that does not exist before adding or removing anyone', async () => {
    const f = memberships(undefined);
    expect(
      await errorName(
        new AdminAddUserToGroupUseCase(f.typedTransactions, f.outbox, f.users, f.groups).execute(
          request,
          meta,
        ),
      ),
    ).toBe('ResourceNotFoundException');
    expect(
      await errorName(
        new AdminRemoveUserFromGroupUseCase(f.typedTransactions, f.outbox, f.users, f.groups).execute(
          request,
          meta,
        ),
      ),
    ).toBe('ResourceNotFoundException');
    expect(f.groupRows.addMember).not.toHaveBeenCalled();
    expect(f.groupRows.removeMember).not.toHaveBeenCalled();
  });

  it("pages the user's groups after the token's name", async () => {
    const f = memberships(undefined);
    const useCase = new AdminListGroupsForUserUseCase(f.users, f.groups);
    const first = await useCase.execute({ UserPoolId: POOL_ID, Username: 'alice', Limit: 1 });
    expect(f.groupRows.pageForUser).toHaveBeenLastCalledWith(POOL_ID, user.sub, undefined, 1);
    expect(first.Groups.map((g) => g.GroupName)).toEqual(['a']);
    await useCase.execute({ UserPoolId: POOL_ID, Username: 'alice', NextToken: first.NextToken });
    expect(f.groupRows.pageForUser).toHaveBeenLastCalledWith(POOL_ID, user.sub, 'a', 60);
  });
});
