import { randomUUID } from 'node:crypto';
import { CommandMeta, UserDirectoryTopics } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { GroupEntity } from '../src/database/entities';
import { AdminAddUserToGroupUseCase } from '../src/groups/admin-add-user-to-group.use-case';
import { AdminListGroupsForUserUseCase } from '../src/groups/admin-list-groups-for-user.use-case';
import { AdminRemoveUserFromGroupUseCase } from '../src/groups/admin-remove-user-from-group.use-case';
import { CreateGroupUseCase } from '../src/groups/create-group.use-case';
import { DeleteGroupUseCase } from '../src/groups/delete-group.use-case';
import { GroupsRepository } from '../src/groups/groups.repository';
import { ListGroupsUseCase } from '../src/groups/list-groups.use-case';
import { ListUsersInGroupUseCase } from '../src/groups/list-users-in-group.use-case';
import { UpdateGroupUseCase } from '../src/groups/update-group.use-case';
import { CreateUserPoolUseCase } from '../src/pools/create-user-pool.use-case';
import { userProviders } from '../src/users/users.providers';
import { PoolsTestDatabase } from './support/pools-test-database';
import { poolsTestModule } from './support/pools-test-module';

const meta = { requestId: 'int-spec' } as CommandMeta;

function outcome(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'ok',
    (err: unknown) => {
      if (err instanceof ServiceError) return err.errorName;
      throw err;
    },
  );
}

/** Collects every page of a List* operation, checking each page's size. */
async function allPages<T>(
  max: number,
  fetch: (token: string | undefined) => Promise<{ items: T[]; next?: string }>,
): Promise<T[]> {
  const all: T[] = [];
  let token: string | undefined;
  do {
    const { items, next } = await fetch(token);
    expect(items.length).toBeLessThanOrEqual(max);
    all.push(...items);
    token = next;
  } while (token);
  return all;
}

/** Groups and memberships on a real PostgreSQL: races on their keys, the row lock, cascades, pages. */
describe('GroupsRepository on PostgreSQL', () => {
  const db = new PoolsTestDatabase();
  let groups: GroupsRepository;
  let createPool: CreateUserPoolUseCase;
  let createGroup: CreateGroupUseCase;
  let updateGroup: UpdateGroupUseCase;
  let deleteGroup: DeleteGroupUseCase;
  let listGroups: ListGroupsUseCase;
  let addUser: AdminAddUserToGroupUseCase;
  let removeUser: AdminRemoveUserFromGroupUseCase;
  let groupsForUser: AdminListGroupsForUserUseCase;
  let usersInGroup: ListUsersInGroupUseCase;

  beforeAll(async () => {
    const module = await poolsTestModule(await db.create(), [
      ...userProviders,
      GroupsRepository,
      CreateGroupUseCase,
      UpdateGroupUseCase,
      DeleteGroupUseCase,
      ListGroupsUseCase,
      AdminAddUserToGroupUseCase,
      AdminRemoveUserFromGroupUseCase,
      AdminListGroupsForUserUseCase,
      ListUsersInGroupUseCase,
    ]);
    groups = module.get(GroupsRepository);
    createPool = module.get(CreateUserPoolUseCase);
    createGroup = module.get(CreateGroupUseCase);
    updateGroup = module.get(UpdateGroupUseCase);
    deleteGroup = module.get(DeleteGroupUseCase);
    listGroups = module.get(ListGroupsUseCase);
    addUser = module.get(AdminAddUserToGroupUseCase);
    removeUser = module.get(AdminRemoveUserFromGroupUseCase);
    groupsForUser = module.get(AdminListGroupsForUserUseCase);
    usersInGroup = module.get(ListUsersInGroupUseCase);
  });

  afterAll(() => db.drop());

  async function newPool(): Promise<string> {
    const { UserPool } = await createPool.execute({ PoolName: 'groups-pool' }, meta);
    return UserPool.Id;
  }

  const memberships = async (poolId: string, groupName: string) =>
    Number(
      (
        await db.dataSource.query<{ n: string }[]>(
          `SELECT count(*) AS n FROM user_directory.user_groups WHERE pool_id = $1 AND group_name = $2`,
          [poolId, groupName],
        )
      )[0].n,
    );

  it('creates a group once however many requests race for its name; the rest get GroupExistsException', async () => {
    const poolId = await newPool();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        outcome(createGroup.execute({ UserPoolId: poolId, GroupName: 'racers', Precedence: i }, meta)),
      ),
    );
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r === 'GroupExistsException')).toHaveLength(9);
    expect(await db.count('groups', poolId)).toBe(1);
    // Names are case-sensitive: another case is another group.
    expect(await outcome(createGroup.execute({ UserPoolId: poolId, GroupName: 'Racers' }, meta))).toBe('ok');
  });

  it('refuses a group of a pool that does not exist, and reports a pool deleted under the insert', async () => {
    expect(
      await outcome(createGroup.execute({ UserPoolId: 'us-east-1_Missing00', GroupName: 'g' }, meta)),
    ).toBe('ResourceNotFoundException');
    const now = new Date();
    const orphan: GroupEntity = {
      poolId: 'us-east-1_Missing00',
      name: 'g',
      description: null,
      roleArn: null,
      precedence: null,
      createdAt: now,
      updatedAt: now,
    };
    expect(await groups.insert(orphan)).toBe('pool-gone');
  });

  it('adds a user to a group once however many requests race for the pair', async () => {
    const poolId = await newPool();
    await createGroup.execute({ UserPoolId: poolId, GroupName: 'admins' }, meta);
    const sub = await db.insertUser(poolId, 'alice');
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        outcome(addUser.execute({ UserPoolId: poolId, Username: 'alice', GroupName: 'admins' }, meta)),
      ),
    );
    expect(results).toEqual(Array(10).fill('ok'));
    expect(await memberships(poolId, 'admins')).toBe(1);
    // One membership, one event: the nine no-ops wrote none.
    const events = await db.dataSource.query<{ payload: { change: string } }[]>(
      `SELECT payload FROM user_directory.outbox WHERE topic = $1 AND key = $2`,
      [UserDirectoryTopics.userGroupsChanged, sub],
    );
    expect(events.map((e) => e.payload.change)).toEqual(['added']);
  });

  it('tells which side of a membership went away under the insert', async () => {
    const poolId = await newPool();
    await createGroup.execute({ UserPoolId: poolId, GroupName: 'g' }, meta);
    const sub = await db.insertUser(poolId, 'bob');
    expect(await groups.addMember(poolId, 'g', randomUUID())).toBe('user-gone');
    expect(await groups.addMember(poolId, 'no-such-group', sub)).toBe('group-gone');
    expect(await groups.addMember(poolId, 'g', sub)).toBe('added');
    expect(await groups.addMember(poolId, 'g', sub)).toBe('member');
    expect(await memberships(poolId, 'g')).toBe(1);
  });

  it('serialises concurrent UpdateGroups on the row: no answer misses a change committed before it', async () => {
    const poolId = await newPool();
    await createGroup.execute({ UserPoolId: poolId, GroupName: 'edited' }, meta);
    const [a, b] = await Promise.all([
      updateGroup.execute({ UserPoolId: poolId, GroupName: 'edited', Description: 'described' }, meta),
      updateGroup.execute({ UserPoolId: poolId, GroupName: 'edited', Precedence: 7 }, meta),
    ]);
    const stored = (await groups.find(poolId, 'edited'))!;
    expect(stored.description).toBe('described');
    expect(stored.precedence).toBe(7);
    // The one that took the lock second read the other's committed change.
    const both = [a, b].filter((r) => r.Group.Description === 'described' && r.Group.Precedence === 7);
    expect(both).toHaveLength(1);
  });

  it('deletes a group with its memberships, and leaves the users', async () => {
    const poolId = await newPool();
    await createGroup.execute({ UserPoolId: poolId, GroupName: 'gone' }, meta);
    await db.insertUser(poolId, 'carol');
    await addUser.execute({ UserPoolId: poolId, Username: 'carol', GroupName: 'gone' }, meta);
    await deleteGroup.execute({ UserPoolId: poolId, GroupName: 'gone' }, meta);
    expect(await memberships(poolId, 'gone')).toBe(0);
    expect(await db.count('users', poolId)).toBe(1);
    expect(await outcome(deleteGroup.execute({ UserPoolId: poolId, GroupName: 'gone' }, meta))).toBe(
      'ResourceNotFoundException',
    );
    expect(
      await outcome(addUser.execute({ UserPoolId: poolId, Username: 'carol', GroupName: 'gone' }, meta)),
    ).toBe('ResourceNotFoundException');
  });

  it("pages ListGroups and AdminListGroupsForUser across ties, each group once, no other pool's", async () => {
    const poolId = await newPool();
    const other = await newPool();
    const same = new Date('2030-01-01T00:00:00Z');
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    for (const id of [poolId, other]) {
      for (const name of names) {
        await groups.insert({
          poolId: id,
          name,
          description: 'same',
          roleArn: null,
          precedence: 1,
          createdAt: same,
          updatedAt: same,
        });
      }
    }
    const listed = await allPages(2, async (token) => {
      const r = await listGroups.execute({ UserPoolId: poolId, Limit: 2, NextToken: token });
      return { items: r.Groups, next: r.NextToken };
    });
    expect(listed.map((g) => g.GroupName)).toEqual(names);
    expect(new Set(listed.map((g) => g.UserPoolId))).toEqual(new Set([poolId]));

    await db.insertUser(poolId, 'dave');
    await db.insertUser(other, 'dave');
    for (const name of ['b', 'c', 'e', 'g']) {
      await addUser.execute({ UserPoolId: poolId, Username: 'dave', GroupName: name }, meta);
    }
    await addUser.execute({ UserPoolId: other, Username: 'dave', GroupName: 'a' }, meta);
    const ofUser = await allPages(3, async (token) => {
      const r = await groupsForUser.execute({
        UserPoolId: poolId,
        Username: 'dave',
        Limit: 3,
        NextToken: token,
      });
      return { items: r.Groups, next: r.NextToken };
    });
    expect(ofUser.map((g) => g.GroupName)).toEqual(['b', 'c', 'e', 'g']);
  });

  it('pages ListUsersInGroup across users that tie on name and time, each member once', async () => {
    const poolId = await newPool();
    const other = await newPool();
    await createGroup.execute({ UserPoolId: poolId, GroupName: 'members' }, meta);
    await createGroup.execute({ UserPoolId: poolId, GroupName: 'others' }, meta);
    await createGroup.execute({ UserPoolId: other, GroupName: 'members' }, meta);
    const subs: string[] = [];
    for (let i = 0; i < 7; i++) {
      const sub = await db.insertUser(poolId, `user-${i}`);
      subs.push(sub);
      await groups.addMember(poolId, 'members', sub);
      await groups.addMember(poolId, 'others', sub);
    }
    await db.dataSource.query(
      `UPDATE user_directory.users SET created_at = '2030-01-01', updated_at = '2030-01-01' WHERE pool_id = $1`,
      [poolId],
    );
    const outsider = await db.insertUser(other, 'user-0');
    await groups.addMember(other, 'members', outsider);
    const listed = await allPages(3, async (token) => {
      const r = await usersInGroup.execute({
        UserPoolId: poolId,
        GroupName: 'members',
        Limit: 3,
        NextToken: token,
      });
      return { items: r.Users, next: r.NextToken };
    });
    const listedSubs = listed.map((u) => u.Attributes.find((a) => a.Name === 'sub')!.Value);
    expect(listedSubs).toEqual([...subs].sort());

    await removeUser.execute({ UserPoolId: poolId, Username: 'user-3', GroupName: 'members' }, meta);
    const after = await groups.pageMembers(poolId, 'members', undefined, 60);
    expect(after.page).toHaveLength(6);
    expect(await memberships(poolId, 'others')).toBe(7);
  });
});
