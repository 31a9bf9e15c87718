import { randomUUID } from 'node:crypto';
import { isForeignKeyViolation, Transactions } from '@idfed/persistence';
import { IamArns } from '../src/common/arns';
import { newPolicyId, newRoleId } from '../src/common/ids';
import { ManagedPolicyEntity } from '../src/database/entities';
import { ManagedPoliciesRepository } from '../src/policies/managed-policies.repository';
import { RolesRepository } from '../src/roles/roles.repository';
import { lockWaiters } from './support/row-locks';
import { ACCOUNT, createServiceDatabase, ServiceDatabase } from './support/service-database';

const arns = new IamArns(ACCOUNT);

function managedPolicy(name: string, path = '/'): ManagedPolicyEntity {
  const now = new Date();
  return {
    policyId: newPolicyId(),
    name,
    nameKey: name.toLowerCase(),
    path,
    arn: arns.policy(path, name),
    description: 'for a test',
    defaultVersionId: 'v1',
    tags: [],
    createdAt: now,
    updatedAt: now,
  };
}

/** ManagedPoliciesRepository on a real PostgreSQL: policies with their versions, and their attachments to roles. */
describe('ManagedPoliciesRepository on PostgreSQL', () => {
  let db: ServiceDatabase;
  let policies: ManagedPoliciesRepository;
  let roles: RolesRepository;
  let transactions: Transactions;

  beforeAll(async () => {
    db = await createServiceDatabase();
    policies = new ManagedPoliciesRepository(db.ds);
    roles = new RolesRepository(db.ds);
    transactions = new Transactions(db.ds);
  });

  afterAll(async () => {
    await db?.drop();
  });

  const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

  async function newRole(): Promise<string> {
    const name = unique('role');
    const now = new Date();
    const roleId = newRoleId();
    await roles.insert({
      roleId,
      name,
      nameKey: name,
      path: '/',
      arn: arns.role('/', name),
      assumeRolePolicy: '{}',
      description: null,
      maxSessionDuration: 3600,
      tags: [],
      createdAt: now,
      updatedAt: now,
    });
    return roleId;
  }

  async function newPolicy(document = '{"Version":"2012-10-17"}', path = '/'): Promise<ManagedPolicyEntity> {
    const policy = managedPolicy(unique('policy'), path);
    await transactions.run((tx) => policies.insert(policy, document, tx));
    return policy;
  }

  it('inserts a name once whatever its case, with its first version, also when the inserts race', async () => {
    const name = unique('Shared');
    const racers = [name, name.toLowerCase(), name.toUpperCase(), name, name, name];
    const candidates = racers.map((n) => managedPolicy(n));
    const outcomes = await Promise.all(
      candidates.map((p, i) => transactions.run((tx) => policies.insert(p, `{"racer":${i}}`, tx))),
    );
    expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
    const winner = candidates[outcomes.indexOf('created')];
    const stored = await policies.findByArn(winner.arn);
    expect(stored).toMatchObject({
      policyId: winner.policyId,
      defaultVersionId: 'v1',
      description: 'for a test',
    });
    expect(await policies.defaultDocuments([winner.arn])).toEqual([
      { arn: winner.arn, document: `{"racer":${outcomes.indexOf('created')}}` },
    ]);
    const [{ versions }] = await db.ds.query<{ versions: number }[]>(
      `SELECT count(*)::int AS versions FROM credential_vending.managed_policy_versions`,
    );
    // Only policies created in this spec exist: a loser must not leave an orphan version behind.
    const [{ created }] = await db.ds.query<{ created: number }[]>(
      `SELECT count(*)::int AS created FROM credential_vending.managed_policies`,
    );
    expect(versions).toBe(created);
  });

  it('keeps versions newest first, never reuses a number, and moves the default with it', async () => {
    const policy = await newPolicy('{"v":1}');
    const at = new Date();
    await transactions.run(async (tx) => {
      expect(
        await policies.addVersion(
          policy.policyId,
          { number: 2, document: '{"v":2}', setAsDefault: false, at },
          tx,
        ),
      ).toBe('v2');
      expect(
        await policies.addVersion(
          policy.policyId,
          { number: 3, document: '{"v":3}', setAsDefault: true, at },
          tx,
        ),
      ).toBe('v3');
    });
    expect((await policies.versionsOf(policy.policyId)).map((v) => v.versionId)).toEqual(['v3', 'v2', 'v1']);
    let stored = await policies.findByArn(policy.arn);
    expect(stored).toMatchObject({ defaultVersionId: 'v3', lastVersionNumber: 3 });
    expect(await policies.defaultDocuments([policy.arn])).toEqual([{ arn: policy.arn, document: '{"v":3}' }]);
    expect(await policies.findVersion(policy.policyId, 'v2')).toMatchObject({ document: '{"v":2}' });

    await transactions.run(async (tx) => {
      expect(await policies.deleteVersion(policy.policyId, 'v2', tx)).toBe(true);
      expect(await policies.deleteVersion(policy.policyId, 'v2', tx)).toBe(false);
      await policies.setDefaultVersion(policy.policyId, 'v1', new Date(), tx);
    });
    stored = await policies.findByArn(policy.arn);
    expect(stored).toMatchObject({ defaultVersionId: 'v1', lastVersionNumber: 3 });
    expect(await policies.findVersion(policy.policyId, 'v2')).toBeUndefined();
    // Ten versions sort by number, not as text (v10 after v9).
    await transactions.run(async (tx) => {
      for (let n = 4; n <= 10; n++) {
        await policies.addVersion(
          policy.policyId,
          { number: n, document: `{"v":${n}}`, setAsDefault: false, at },
          tx,
        );
      }
    });
    expect((await policies.versionsOf(policy.policyId)).map((v) => v.versionId).slice(0, 3)).toEqual([
      'v10',
      'v9',
      'v8',
    ]);
    // The versions go with the policy.
    await transactions.run((tx) => policies.delete(policy.policyId, tx));
    expect(await policies.versionsOf(policy.policyId)).toEqual([]);
  });

  it('lists policies by path with attachment counts, only attached ones on request, and their roles', async () => {
    const path = `/${unique('team')}/`;
    const a = await newPolicy('{}', path);
    const b = await newPolicy('{}', path);
    const roleId = await newRole();
    await transactions.run((tx) => policies.attach(roleId, a.policyId, tx));
    const all = await policies.page({ pathPrefix: path, onlyAttached: false }, undefined, 10);
    expect(all.page.map((p) => [p.policy.name, p.attachments]).sort()).toEqual(
      [
        [a.name, 1],
        [b.name, 0],
      ].sort(),
    );
    const attached = await policies.page({ pathPrefix: path, onlyAttached: true }, undefined, 10);
    expect(attached.page.map((p) => p.policy.policyId)).toEqual([a.policyId]);
    const first = await policies.page({ pathPrefix: path, onlyAttached: false }, undefined, 1);
    expect(first.page).toHaveLength(1);
    const second = await policies.page({ pathPrefix: path, onlyAttached: false }, first.next, 1);
    expect(second.page.map((p) => p.policy.policyId)).not.toEqual(first.page.map((p) => p.policy.policyId));
    expect(second.next).toBeUndefined();
    // A LIKE wildcard in the prefix is a character, not a pattern.
    expect((await policies.page({ pathPrefix: '/%', onlyAttached: false }, undefined, 10)).page).toEqual([]);
    expect((await policies.rolesAttachedTo(a.policyId, '/', undefined, 10)).page).toEqual([
      { roleName: expect.any(String), roleId },
    ]);
    expect((await policies.rolesAttachedTo(b.policyId, '/', undefined, 10)).page).toEqual([]);
  });

  it('attaches a pair once and counts attachments per role and per policy', async () => {
    const roleId = await newRole();
    const policy = await newPolicy();
    await transactions.run(async (tx) => {
      expect(await policies.attach(roleId, policy.policyId, tx)).toBe('attached');
      expect(await policies.isAttached(roleId, policy.policyId, tx)).toBe(true);
      expect(await policies.attachedCountOf(roleId, tx)).toBe(1);
      expect(await policies.roleHasAttachments(roleId, tx)).toBe(true);
      expect(await policies.isInUse(policy.policyId, policy.arn, tx)).toBe(true);
    });
    await expect(transactions.run((tx) => policies.attach(roleId, policy.policyId, tx))).rejects.toThrow(
      /duplicate key/,
    );
    expect(await policies.attachmentCount(policy.policyId)).toBe(1);
    await transactions.run(async (tx) => {
      expect(await policies.detach(roleId, policy.policyId, tx)).toBe(true);
      expect(await policies.detach(roleId, policy.policyId, tx)).toBe(false);
    });
  });

  it('answers policy-gone for a policy deleted before the attachment, and writes nothing', async () => {
    const roleId = await newRole();
    const policy = await newPolicy();
    await transactions.run((tx) => policies.delete(policy.policyId, tx));
    await expect(
      transactions.run(async (tx) => {
        const outcome = await policies.attach(roleId, policy.policyId, tx);
        // The use case fails the unit of work on this answer, as here.
        if (outcome === 'policy-gone') throw new Error(outcome);
      }),
    ).rejects.toThrow('policy-gone');
    const [{ count }] = await db.ds.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM credential_vending.role_policy_attachments WHERE role_id = $1`,
      [roleId],
    );
    expect(count).toBe(0);
  });

  it('the database refuses to delete an attached policy; an unattached one goes with its versions', async () => {
    const roleId = await newRole();
    const attached = await newPolicy();
    await transactions.run((tx) => policies.attach(roleId, attached.policyId, tx));
    const refused = await transactions
      .run((tx) => policies.delete(attached.policyId, tx))
      .catch((e: unknown) => e);
    expect(isForeignKeyViolation(refused)).toBe(true);
    expect(await policies.findByArn(attached.arn)).toBeDefined();

    const loose = await newPolicy();
    await transactions.run((tx) => policies.delete(loose.policyId, tx));
    expect(await policies.findByArn(loose.arn)).toBeUndefined();
    const [{ versions }] = await db.ds.query<{ versions: number }[]>(
      `SELECT count(*)::int AS versions FROM credential_vending.managed_policy_versions WHERE policy_id = $1`,
      [loose.policyId],
    );
    expect(versions).toBe(0);
  });

  it('a locked policy holds off attachments until the locking unit ends', async () => {
    const roleId = await newRole();
    const policy = await newPolicy();
    const order: string[] = [];
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    let finish!: () => void;
    const mayFinish = new Promise<void>((resolve) => (finish = resolve));
    const holder = transactions.run(async (tx) => {
      await policies.findByArn(policy.arn, tx, true);
      locked();
      await mayFinish;
      order.push('holder committed');
    });
    await isLocked;
    const attaching = transactions.run(async (tx) => {
      await policies.attach(roleId, policy.policyId, tx);
      order.push('attached');
    });
    // The attachment's foreign key check waits on the lock: let the holder go only once it waits.
    await lockWaiters(db.ds, 1);
    finish();
    await Promise.all([holder, attaching]);
    expect(order).toEqual(['holder committed', 'attached']);
  });

  it('pages the policies attached to a role by name under a path prefix, and reads their default documents', async () => {
    const roleId = await newRole();
    const path = `/${unique('team')}/`;
    const attached: ManagedPolicyEntity[] = [];
    for (let i = 0; i < 3; i++) attached.push(await newPolicy(`{"n":${i}}`, path));
    const elsewhere = await newPolicy('{"n":"elsewhere"}', '/other/');
    await transactions.run(async (tx) => {
      for (const p of [...attached, elsewhere]) await policies.attach(roleId, p.policyId, tx);
    });
    const byName = [...attached].sort((a, b) => (a.nameKey < b.nameKey ? -1 : 1));
    const first = await policies.attachedToRole(roleId, path, undefined, 2);
    expect(first).toEqual({
      page: byName.slice(0, 2).map((p) => ({ name: p.name, arn: p.arn })),
      next: byName[1].nameKey,
    });
    expect(await policies.attachedToRole(roleId, path, first.next, 2)).toEqual({
      page: [{ name: byName[2].name, arn: byName[2].arn }],
    });
    const documents = await policies.attachedDocuments(roleId);
    expect(documents.map((d) => d.arn).sort()).toEqual([...attached, elsewhere].map((p) => p.arn).sort());
    expect(await policies.defaultDocuments([elsewhere.arn, 'arn:aws:iam::123456789012:policy/none'])).toEqual(
      [{ arn: elsewhere.arn, document: '{"n":"elsewhere"}' }],
    );
  });
});
