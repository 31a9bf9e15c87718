import { randomUUID } from 'node:crypto';
import { Transactions } from '@idfed/persistence';
import { IamArns } from '../src/common/arns';
import { newGroupId, newPolicyId, newUserId } from '../src/common/ids';
import { AddUserToGroupHandler } from '../src/groups/add-user-to-group.handler';
import { DeleteGroupHandler } from '../src/groups/delete-group.handler';
import { GroupsRepository, StoredGroup } from '../src/groups/groups.repository';
import { ManagedPoliciesRepository } from '../src/policies/managed-policies.repository';
import { StoredUser, UsersRepository } from '../src/users/users.repository';
import { ACCOUNT, createServiceDatabase, serviceModule, ServiceDatabase } from './support/service-database';

const arns = new IamArns(ACCOUNT);

function group(name: string, path = '/'): StoredGroup {
  const now = new Date();
  return {
    groupId: newGroupId(),
    name,
    nameKey: name.toLowerCase(),
    path,
    arn: arns.group(path, name),
    createdAt: now,
    updatedAt: now,
  };
}

function user(name: string): StoredUser {
  const now = new Date();
  return {
    userId: newUserId(),
    name,
    nameKey: name.toLowerCase(),
    path: '/',
    arn: arns.user('/', name),
    permissionsBoundary: null,
    tags: [],
    createdAt: now,
    updatedAt: now,
  };
}

/** GroupsRepository on a real PostgreSQL: names, pages, members, policies, cascades and races. */
describe('GroupsRepository on PostgreSQL', () => {
  let db: ServiceDatabase;
  let groups: GroupsRepository;
  let users: UsersRepository;
  let policies: ManagedPoliciesRepository;
  let transactions: Transactions;
  const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    db = await createServiceDatabase();
    groups = new GroupsRepository(db.ds);
    users = new UsersRepository(db.ds);
    policies = new ManagedPoliciesRepository(db.ds);
    transactions = new Transactions(db.ds);
  });

  afterAll(async () => {
    await db?.drop();
  });

  async function newPolicy(document: string) {
    const name = unique('pol');
    const now = new Date();
    const policy = {
      policyId: newPolicyId(),
      name,
      nameKey: name.toLowerCase(),
      path: '/',
      arn: arns.policy('/', name),
      description: null,
      defaultVersionId: 'v1',
      tags: [],
      createdAt: now,
      updatedAt: now,
    };
    await transactions.run((tx) => policies.insert(policy, document, tx));
    return policy;
  }

  it('inserts a name once whatever its case, also when the inserts race', async () => {
    const name = unique('Racer');
    const outcomes = await Promise.all(
      [name, name.toLowerCase(), name.toUpperCase(), name].map((n) => groups.insert(group(n))),
    );
    expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
    expect(await groups.findByName(name.toUpperCase())).toMatchObject({ nameKey: name.toLowerCase() });
  });

  it('pages groups under a path prefix and renames unless the name is taken', async () => {
    const path = `/${unique('pg')}_%/`;
    const names = ['alpha', 'Bravo', 'charlie'].map(unique);
    for (const n of names) await groups.insert(group(n, path));
    await groups.insert(group(unique('other'), path.replace('_%', 'xx')));
    const first = await groups.page(path, undefined, 2);
    const rest = await groups.page(path, first.next, 2);
    expect([...first.page, ...rest.page].map((g) => g.name)).toEqual(names);
    expect(rest.next).toBeUndefined();
    const a = (await groups.findByName(names[0]))!;
    const taken = await transactions.run((tx) =>
      groups.rename(a.groupId, { name: names[1].toUpperCase(), path, arn: arns.group(path, names[1]) }, tx),
    );
    expect(taken).toBe('exists');
  });

  it("joins a member's group policies to its own in permissionsOf, and drops them when it leaves", async () => {
    const u = user(unique('member'));
    await users.insert(u);
    const g = group(unique('grp'));
    await groups.insert(g);
    const allow = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}';
    const managed = await newPolicy(allow);
    await transactions.run(async (tx) => {
      await users.putInlinePolicy(u.userId, 'own', allow, 10, tx);
      await groups.putInlinePolicy(g.groupId, 'shared', allow, 10, tx);
      await groups.attach(g.groupId, managed.policyId, tx);
      // The same managed policy on the user and on its group counts once.
      await users.attach(u.userId, managed.policyId, tx);
    });
    expect((await users.permissionsOf(u.userId)).map((p) => p.label).sort()).toEqual(
      [managed.arn, 'inline/own'].sort(),
    );
    await transactions.run((tx) => groups.addMember(g.groupId, u.userId, tx));
    expect((await users.permissionsOf(u.userId)).map((p) => p.label).sort()).toEqual(
      [managed.arn, `group/${g.name}/inline/shared`, 'inline/own'].sort(),
    );
    expect((await groups.members(g.groupId, undefined, 10)).page.map((m) => m.name)).toEqual([u.name]);
    expect((await groups.groupsOf(u.userId, undefined, 10)).page.map((x) => x.name)).toEqual([g.name]);
    expect(await transactions.run((tx) => users.dependents(u.userId, tx))).toMatchObject({ groups: true });
    expect(await transactions.run((tx) => groups.removeMember(g.groupId, u.userId, tx))).toBe(true);
    expect(await transactions.run((tx) => groups.removeMember(g.groupId, u.userId, tx))).toBe(false);
    expect((await users.permissionsOf(u.userId)).map((p) => p.label).sort()).toEqual(
      [managed.arn, 'inline/own'].sort(),
    );
  });

  it("refuses the deletion of a policy attached to a group, and counts the group's attachment", async () => {
    const g = group(unique('att'));
    await groups.insert(g);
    const managed = await newPolicy('{"Version":"2012-10-17","Statement":[]}');
    await transactions.run((tx) => groups.attach(g.groupId, managed.policyId, tx));
    expect(await transactions.run((tx) => policies.isInUse(managed.policyId, managed.arn, tx))).toBe(true);
    expect(await policies.attachmentCount(managed.policyId)).toBe(1);
    expect((await groups.attachedPolicies(g.groupId, '/', undefined, 10)).page).toEqual([
      { name: managed.name, arn: managed.arn },
    ]);
    expect(await transactions.run((tx) => groups.detach(g.groupId, managed.policyId, tx))).toBe(true);
    expect(await transactions.run((tx) => policies.isInUse(managed.policyId, managed.arn, tx))).toBe(false);
  });

  it('keeps a user in at most ten groups when twelve additions race', async () => {
    const u = user(unique('busy'));
    await users.insert(u);
    const names = Array.from({ length: 12 }, () => unique('g'));
    for (const n of names) await groups.insert(group(n));
    const module = await serviceModule(db.ds);
    const add = module.get(AddUserToGroupHandler);
    const outcomes = await Promise.allSettled(
      names.map((GroupName) => add.execute({ GroupName, UserName: u.name })),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(10);
    expect((await groups.groupsOf(u.userId, undefined, 100)).page).toHaveLength(10);
    await module.close();
  });

  it('never leaves a member in a deleted group when AddUserToGroup races DeleteGroup', async () => {
    const module = await serviceModule(db.ds);
    const add = module.get(AddUserToGroupHandler);
    const del = module.get(DeleteGroupHandler);
    for (let round = 0; round < 5; round++) {
      const u = user(unique('racer'));
      await users.insert(u);
      const g = group(unique('doomed'));
      await groups.insert(g);
      const [added, deleted] = await Promise.allSettled([
        add.execute({ GroupName: g.name, UserName: u.name }),
        del.execute({ GroupName: g.name }),
      ]);
      // Exactly one wins: either the group is gone and nobody joined, or it stays with its member.
      expect([added.status, deleted.status].sort()).toEqual(['fulfilled', 'rejected']);
      const left = await groups.findByName(g.name);
      if (deleted.status === 'fulfilled') expect(left).toBeUndefined();
      else expect((await groups.members(left!.groupId, undefined, 10)).page).toHaveLength(1);
    }
    await module.close();
  });

  it('cascades memberships and policies with the group and memberships with the user', async () => {
    const u = user(unique('gone'));
    await users.insert(u);
    const g = group(unique('cascade'));
    await groups.insert(g);
    await transactions.run(async (tx) => {
      await groups.addMember(g.groupId, u.userId, tx);
      await groups.putInlinePolicy(g.groupId, 'p', '{}', 2, tx);
    });
    await transactions.run((tx) => users.delete(u.userId, tx));
    expect((await groups.members(g.groupId, undefined, 10)).page).toEqual([]);
    await transactions.run((tx) => groups.delete(g.groupId, tx));
    const [{ n }] = await db.ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM credential_vending.group_inline_policies WHERE group_id = $1`,
      [g.groupId],
    );
    expect(n).toBe(0);
  });
});
