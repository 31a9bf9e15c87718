import { randomUUID } from 'node:crypto';
import { Transactions } from '@idfed/persistence';
import { IamArns } from '../src/common/arns';
import { newPolicyId, newRoleId } from '../src/common/ids';
import { RoleEntity } from '../src/database/entities';
import { ManagedPoliciesRepository } from '../src/policies/managed-policies.repository';
import { RolesRepository } from '../src/roles/roles.repository';
import { ACCOUNT, createServiceDatabase, ServiceDatabase } from './support/service-database';

const arns = new IamArns(ACCOUNT);

function role(name: string, path = '/'): RoleEntity {
  const now = new Date();
  return {
    roleId: newRoleId(),
    name,
    nameKey: name.toLowerCase(),
    path,
    arn: arns.role(path, name),
    assumeRolePolicy: '{"Version":"2012-10-17","Statement":[]}',
    description: null,
    maxSessionDuration: 3600,
    tags: [{ Key: 'team', Value: 'idfed' }],
    createdAt: now,
    updatedAt: now,
  };
}

/** RolesRepository on a real PostgreSQL: the keys, locks, pages and cascades the role operations rely on. */
describe('RolesRepository on PostgreSQL', () => {
  let db: ServiceDatabase;
  let roles: RolesRepository;
  let transactions: Transactions;

  beforeAll(async () => {
    db = await createServiceDatabase();
    roles = new RolesRepository(db.ds);
    transactions = new Transactions(db.ds);
  });

  afterAll(async () => {
    await db?.drop();
  });

  const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

  it('inserts a name once whatever its case, also when the inserts race', async () => {
    const name = unique('Racer');
    const racers = [name, name.toLowerCase(), name.toUpperCase(), name, name, name, name, name];
    const outcomes = await Promise.all(racers.map((n) => roles.insert(role(n))));
    expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'exists')).toHaveLength(racers.length - 1);
    const found = await roles.findByName(name.toUpperCase());
    expect(found).toMatchObject({ nameKey: name.toLowerCase(), tags: [{ Key: 'team', Value: 'idfed' }] });
    expect(await roles.findByArn(found!.arn)).toEqual(found);
  });

  it('pages the roles under a path prefix in name order, a LIKE wildcard in the prefix matching itself', async () => {
    const path = `/${unique('paged')}/`;
    for (const name of ['alpha', 'Bravo', 'charlie', 'delta']) await roles.insert(role(unique(name), path));
    // "_" would match any character in LIKE: a sibling path differing there must stay out.
    const underscored = `${path}a_b/`;
    await roles.insert(role(unique('inside'), underscored));
    await roles.insert(role(unique('outside'), `${path}axb/`));

    const first = await roles.page(path, undefined, 3);
    expect(first.page.map((r) => r.name.split('-')[0])).toEqual(['alpha', 'Bravo', 'charlie']);
    expect(first.next).toBe(first.page[2].nameKey);
    const second = await roles.page(path, first.next, 3);
    expect(second.page.map((r) => r.name.split('-')[0])).toEqual(['delta', 'inside', 'outside']);
    expect(second.next).toBeUndefined();
    expect((await roles.page(underscored, undefined, 10)).page.map((r) => r.name.split('-')[0])).toEqual([
      'inside',
    ]);
  });

  it('a locked role serialises read-modify-write units: no update is lost', async () => {
    const name = unique('counter');
    await roles.insert(role(name));
    const units = 8;
    await Promise.all(
      Array.from({ length: units }, () =>
        transactions.run(async (tx) => {
          const current = await roles.findByName(name, tx, true);
          await roles.update(current!.roleId, { maxSessionDuration: current!.maxSessionDuration + 1 }, tx);
        }),
      ),
    );
    expect((await roles.findByName(name))!.maxSessionDuration).toBe(3600 + units);
  });

  it('keeps inline policies per role: replaced in place, sized without the one being replaced, paged by name', async () => {
    const r = role(unique('inline'));
    await roles.insert(r);
    await transactions.run(async (tx) => {
      await roles.putInlinePolicy(r.roleId, 'b', '{"b":1}', 100, tx);
      await roles.putInlinePolicy(r.roleId, 'a', '{"a":1}', 200, tx);
      await roles.putInlinePolicy(r.roleId, 'c', '{"c":1}', 300, tx);
      await roles.putInlinePolicy(r.roleId, 'a', '{"a":2}', 250, tx);
      expect(await roles.inlinePolicySizeWithout(r.roleId, 'a', tx)).toBe(400);
      expect(await roles.inlinePolicySizeWithout(r.roleId, 'new', tx)).toBe(650);
    });
    expect(await roles.findInlinePolicy(r.roleId, 'a')).toMatchObject({
      document: '{"a":2}',
      documentSize: 250,
    });
    expect((await roles.inlinePolicies(r.roleId)).map((p) => p.policyName)).toEqual(['a', 'b', 'c']);
    const first = await roles.inlinePolicyNames(r.roleId, undefined, 2);
    expect(first).toEqual({ page: ['a', 'b'], next: 'b' });
    expect(await roles.inlinePolicyNames(r.roleId, first.next, 2)).toEqual({ page: ['c'] });
    await transactions.run(async (tx) => {
      expect(await roles.hasInlinePolicies(r.roleId, tx)).toBe(true);
      expect(await roles.deleteInlinePolicy(r.roleId, 'b', tx)).toBe(true);
      expect(await roles.deleteInlinePolicy(r.roleId, 'b', tx)).toBe(false);
    });
  });

  it('deleting a role takes its inline policies and attachments with it', async () => {
    const r = role(unique('doomed'));
    await roles.insert(r);
    const policies = new ManagedPoliciesRepository(db.ds);
    const now = new Date();
    const policyName = unique('doomed-policy');
    const policyId = newPolicyId();
    await transactions.run(async (tx) => {
      await policies.insert(
        {
          policyId,
          name: policyName,
          nameKey: policyName.toLowerCase(),
          path: '/',
          arn: arns.policy('/', policyName),
          description: null,
          defaultVersionId: 'v1',
          tags: [],
          createdAt: now,
          updatedAt: now,
        },
        '{}',
        tx,
      );
      await roles.putInlinePolicy(r.roleId, 'inline', '{}', 2, tx);
      await policies.attach(r.roleId, policyId, tx);
    });
    await transactions.run((tx) => roles.delete(r.roleId, tx));
    expect(await roles.findByName(r.name)).toBeUndefined();
    expect(await roles.inlinePolicies(r.roleId)).toEqual([]);
    expect(await policies.attachmentCount(policyId)).toBe(0);
  });
});
