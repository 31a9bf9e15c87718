import { randomBytes, randomUUID } from 'node:crypto';
import { Transactions } from '@idfed/persistence';
import { IamArns } from '../src/common/arns';
import { newPolicyId, newUserId } from '../src/common/ids';
import { ManagedPoliciesRepository } from '../src/policies/managed-policies.repository';
import { AccessKeySecrets } from '../src/users/access-key-secrets';
import { CreateAccessKeyHandler } from '../src/users/create-access-key.handler';
import { StoredUser, UsersRepository } from '../src/users/users.repository';
import { ACCOUNT, createServiceDatabase, serviceModule, ServiceDatabase } from './support/service-database';

const arns = new IamArns(ACCOUNT);

function user(name: string, path = '/'): StoredUser {
  const now = new Date();
  return {
    userId: newUserId(),
    name,
    nameKey: name.toLowerCase(),
    path,
    arn: arns.user(path, name),
    permissionsBoundary: null,
    tags: [{ Key: 'team', Value: 'idfed' }],
    createdAt: now,
    updatedAt: now,
  };
}

/** UsersRepository on a real PostgreSQL: keys, locks, pages, cascades and quotas under races. */
describe('UsersRepository on PostgreSQL', () => {
  let db: ServiceDatabase;
  let users: UsersRepository;
  let policies: ManagedPoliciesRepository;
  let transactions: Transactions;
  const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    db = await createServiceDatabase();
    users = new UsersRepository(db.ds);
    policies = new ManagedPoliciesRepository(db.ds);
    transactions = new Transactions(db.ds);
  });

  afterAll(async () => {
    await db?.drop();
  });

  async function newPolicy() {
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
    await transactions.run((tx) => policies.insert(policy, '{"Version":"2012-10-17","Statement":[]}', tx));
    return policy;
  }

  it('inserts a name once whatever its case, also when the inserts race', async () => {
    const name = unique('Racer');
    const racers = [name, name.toLowerCase(), name.toUpperCase(), name, name, name];
    const outcomes = await Promise.all(racers.map((n) => users.insert(user(n))));
    expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
    const found = await users.findByName(name.toUpperCase());
    expect(found).toMatchObject({ nameKey: name.toLowerCase(), tags: [{ Key: 'team', Value: 'idfed' }] });
    expect(await users.findById(found!.userId)).toEqual(found);
  });

  it('pages users under a path prefix, a LIKE wildcard in the prefix matching itself', async () => {
    const path = `/${unique('pg')}_%/`;
    const names = ['alpha', 'Bravo', 'charlie'].map(unique);
    for (const n of names) await users.insert(user(n, path));
    await users.insert(user(unique('other'), path.replace('_%', 'xx')));
    const first = await users.page(path, undefined, 2);
    const rest = await users.page(path, first.next, 2);
    expect([...first.page, ...rest.page].map((u) => u.name)).toEqual(names);
    expect(rest.next).toBeUndefined();
  });

  it('renames unless the new name is taken by another user', async () => {
    const a = user(unique('a'));
    const b = user(unique('b'));
    await users.insert(a);
    await users.insert(b);
    const taken = await transactions.run((tx) =>
      users.rename(
        a.userId,
        { name: b.name.toUpperCase(), path: '/', arn: arns.user('/', b.name.toUpperCase()) },
        tx,
      ),
    );
    expect(taken).toBe('exists');
    const newName = unique('renamed');
    expect(
      await transactions.run((tx) =>
        users.rename(a.userId, { name: newName, path: '/x/', arn: arns.user('/x/', newName) }, tx),
      ),
    ).toBe('updated');
    expect(await users.findByName(newName)).toMatchObject({ userId: a.userId, path: '/x/' });
  });

  it('keeps at most two keys per user when eight creations race', async () => {
    const u = user(unique('keys'));
    await users.insert(u);
    const module = await serviceModule(db.ds);
    const create = module.get(CreateAccessKeyHandler);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, () =>
        create.execute(
          { UserName: u.name },
          { requestId: randomUUID(), caller: { kind: 'admin', accessKeyId: 'AKIAADMINADMINADMIN0' } },
        ),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(2);
    const keys = await users.accessKeysOf(u.userId);
    expect(keys).toHaveLength(2);
    // Sealed at rest: the stored bytes open only under the module's sealer and the key's own id.
    const sealer = module.get(AccessKeySecrets);
    const secret = sealer.open(keys[0].accessKeyId, keys[0].secretEnc);
    expect(secret).toHaveLength(40);
    expect(() => sealer.open(keys[1].accessKeyId, keys[0].secretEnc)).toThrow();
    const [row] = await db.ds.query<{ secret_enc: Buffer }[]>(
      `SELECT secret_enc FROM credential_vending.access_keys WHERE access_key_id = $1`,
      [keys[0].accessKeyId],
    );
    expect(row.secret_enc.toString('latin1')).not.toContain(secret);
    await module.close();
  });

  it('changes and deletes a key only for its own user', async () => {
    const owner = user(unique('owner'));
    const other = user(unique('other'));
    await users.insert(owner);
    await users.insert(other);
    const id = `AKIA${randomBytes(8).toString('hex').toUpperCase().slice(0, 16)}`;
    await transactions.run((tx) =>
      users.insertAccessKey(
        {
          accessKeyId: id,
          userId: owner.userId,
          secretEnc: Buffer.from('sealed'),
          status: 'Active',
          createdAt: new Date(),
          lastUsedAt: null,
          lastUsedService: null,
          lastUsedRegion: null,
        },
        tx,
      ),
    );
    expect(await transactions.run((tx) => users.setAccessKeyStatus(other.userId, id, 'Inactive', tx))).toBe(
      false,
    );
    expect(await transactions.run((tx) => users.deleteAccessKey(other.userId, id, tx))).toBe(false);
    expect(await transactions.run((tx) => users.setAccessKeyStatus(owner.userId, id, 'Inactive', tx))).toBe(
      true,
    );
    expect((await users.findAccessKey(id))!.status).toBe('Inactive');
    await expect(
      transactions.run((tx) => users.setAccessKeyStatus(owner.userId, id, 'Off' as 'Active', tx)),
    ).rejects.toThrow();
    expect(await transactions.run((tx) => users.dependents(owner.userId, tx))).toEqual({
      accessKeys: true,
      inlinePolicies: false,
      attachedPolicies: false,
      groups: false,
    });
    expect(await transactions.run((tx) => users.deleteAccessKey(owner.userId, id, tx))).toBe(true);
  });

  it('keeps the newest of racing, out-of-order use reports, and none for a key that is gone (ADR 0078)', async () => {
    const owner = user(unique('reporter'));
    await users.insert(owner);
    const id = `AKIA${randomBytes(8).toString('hex').toUpperCase().slice(0, 16)}`;
    await transactions.run((tx) =>
      users.insertAccessKey(
        {
          accessKeyId: id,
          userId: owner.userId,
          secretEnc: Buffer.from('sealed'),
          status: 'Active',
          createdAt: new Date(),
          lastUsedAt: null,
          lastUsedService: null,
          lastUsedRegion: null,
        },
        tx,
      ),
    );
    const minute = (m: number) => new Date(Date.UTC(2026, 11, 7, 10, m));
    // Eight replicas' reports arriving together, in no order; the newest is minute 7.
    const reports = [3, 7, 0, 5, 1, 6, 2, 4].map((m) =>
      users.recordAccessKeyUse(id, minute(m), m === 7 ? 'sts' : 'iam', `us-west-${m}`),
    );
    await Promise.all(reports);
    expect(await users.findAccessKey(id)).toMatchObject({
      lastUsedAt: minute(7),
      lastUsedService: 'sts',
      lastUsedRegion: 'us-west-7',
    });
    // Older or equal: nothing changes.
    expect(await users.recordAccessKeyUse(id, minute(6), 'iam', 'eu-west-1')).toBe(false);
    expect(await users.recordAccessKeyUse(id, minute(7), 'iam', 'eu-west-1')).toBe(false);
    expect(await users.recordAccessKeyUse(id, minute(8), 'cognito-idp', 'eu-west-1')).toBe(true);
    expect(await users.findAccessKey(id)).toMatchObject({
      lastUsedAt: minute(8),
      lastUsedService: 'cognito-idp',
      lastUsedRegion: 'eu-west-1',
    });
    await transactions.run((tx) => users.deleteAccessKey(owner.userId, id, tx));
    expect(await users.recordAccessKeyUse(id, minute(9), 'iam', 'us-east-1')).toBe(false);
  });

  it('counts user attachments and boundaries against the policy, and cascades with the user', async () => {
    const u = user(unique('att'));
    await users.insert(u);
    const policy = await newPolicy();
    await transactions.run(async (tx) => {
      expect(await users.attach(u.userId, policy.policyId, tx)).toBe('attached');
      await users.putInlinePolicy(u.userId, 'inline', '{}', 2, tx);
    });
    expect(await policies.attachmentCount(policy.policyId)).toBe(1);
    expect(await transactions.run((tx) => policies.isInUse(policy.policyId, policy.arn, tx))).toBe(true);
    const page = await users.attachedPolicies(u.userId, '/', undefined, 10);
    expect(page.page).toEqual([{ name: policy.name, arn: policy.arn }]);
    expect(await transactions.run((tx) => users.detach(u.userId, policy.policyId, tx))).toBe(true);
    await transactions.run((tx) => users.setPermissionsBoundary(u.userId, policy.arn, tx));
    expect(await transactions.run((tx) => policies.isInUse(policy.policyId, policy.arn, tx))).toBe(true);
    await transactions.run((tx) => users.setPermissionsBoundary(u.userId, null, tx));
    expect(await transactions.run((tx) => policies.isInUse(policy.policyId, policy.arn, tx))).toBe(false);
    // An attachment to a policy deleted meanwhile is refused by the foreign key.
    const gone = await newPolicy();
    await transactions.run((tx) => policies.delete(gone.policyId, tx));
    await expect(
      transactions.run(async (tx) => {
        if ((await users.attach(u.userId, gone.policyId, tx)) === 'policy-gone')
          throw new Error('policy-gone');
      }),
    ).rejects.toThrow('policy-gone');
    await transactions.run((tx) => users.delete(u.userId, tx));
    expect(await users.inlinePolicyNames(u.userId, undefined, 10)).toEqual({ page: [] });
  });
});
