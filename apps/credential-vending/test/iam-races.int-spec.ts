import { randomUUID } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { ServiceError } from '@idfed/messaging';
import { AddClientIDToOpenIDConnectProviderHandler } from '../src/oidc-providers/add-client-id-to-open-id-connect-provider.handler';
import { CreateOpenIDConnectProviderHandler } from '../src/oidc-providers/create-open-id-connect-provider.handler';
import { GetOpenIDConnectProviderHandler } from '../src/oidc-providers/get-open-id-connect-provider.handler';
import { CreatePolicyHandler } from '../src/policies/create-policy.handler';
import { DeletePolicyHandler } from '../src/policies/delete-policy.handler';
import { GetPolicyHandler } from '../src/policies/get-policy.handler';
import { AttachRolePolicyHandler } from '../src/roles/attach-role-policy.handler';
import { CreateRoleHandler } from '../src/roles/create-role.handler';
import { DeleteRoleHandler } from '../src/roles/delete-role.handler';
import { PutRolePolicyHandler } from '../src/roles/put-role-policy.handler';
import { createServiceDatabase, serviceModule, ServiceDatabase, ACCOUNT } from './support/service-database';
import { holdRows, lockWaiters } from './support/row-locks';

const RACERS = 10;
const policy = (statement: object) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
const TRUST = policy({ Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 'sts:AssumeRole' });
const ALLOW = policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' });

/** 'ok', the AWS error name, or what else failed: a racing operation must end in one of the first two. */
async function outcome(operation: Promise<unknown>): Promise<string> {
  try {
    await operation;
    return 'ok';
  } catch (err) {
    if (err instanceof ServiceError) return err.errorName;
    return `unexpected: ${(err as Error).message}`;
  }
}

function tally(outcomes: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) counts[o] = (counts[o] ?? 0) + 1;
  return counts;
}

/**
 * IAM operations racing one another on a real PostgreSQL: what the row locks and keys of the
 * repositories guarantee when requests for the same entities arrive together. Where one order of
 * two operations matters, the spec makes that order happen (holdRows) instead of hoping for it.
 */
describe('IAM operations racing on PostgreSQL', () => {
  let db: ServiceDatabase;
  let ds: DataSource;
  let module: TestingModule;

  beforeAll(async () => {
    db = await createServiceDatabase();
    ds = db.ds;
    module = await serviceModule(ds);
  });

  afterAll(async () => {
    await db?.drop();
  });

  const createRole = (RoleName: string) =>
    module.get(CreateRoleHandler).execute({ RoleName, AssumeRolePolicyDocument: TRUST });
  const deleteRole = (RoleName: string) => module.get(DeleteRoleHandler).execute({ RoleName });
  const createPolicy = (PolicyName: string) =>
    module.get(CreatePolicyHandler).execute({ PolicyName, PolicyDocument: ALLOW });
  const deletePolicy = (PolicyArn: string) => module.get(DeletePolicyHandler).execute({ PolicyArn });
  const attach = (RoleName: string, PolicyArn: string) =>
    module.get(AttachRolePolicyHandler).execute({ RoleName, PolicyArn });
  const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

  async function attachmentsOf(roleName: string): Promise<number> {
    const [{ count }] = await ds.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM credential_vending.role_policy_attachments a
         JOIN credential_vending.roles r ON r.role_id = a.role_id WHERE r.name_key = lower($1)`,
      [roleName],
    );
    return count;
  }

  it('concurrent CreateRole of one name: one is created, the rest are EntityAlreadyExists', async () => {
    const name = unique('racer');
    // The same name in different cases: IAM's role names are unique regardless of case.
    const spellings = Array.from({ length: RACERS }, (_, i) => (i % 2 ? name.toUpperCase() : name));
    const outcomes = await Promise.all(spellings.map((n) => outcome(createRole(n))));
    expect(tally(outcomes)).toEqual({ ok: 1, EntityAlreadyExists: RACERS - 1 });
    const [{ count }] = await ds.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM credential_vending.roles WHERE name_key = $1`,
      [name],
    );
    expect(count).toBe(1);
  });

  it('concurrent CreatePolicy of one name: one policy with one version, the rest EntityAlreadyExists', async () => {
    const name = unique('shared');
    const outcomes = await Promise.all(Array.from({ length: RACERS }, () => outcome(createPolicy(name))));
    expect(tally(outcomes)).toEqual({ ok: 1, EntityAlreadyExists: RACERS - 1 });
    const [{ policies, versions }] = await ds.query<{ policies: number; versions: number }[]>(
      `SELECT (SELECT count(*)::int FROM credential_vending.managed_policies WHERE name_key = $1) AS policies,
              (SELECT count(*)::int FROM credential_vending.managed_policy_versions v
                 JOIN credential_vending.managed_policies p ON p.policy_id = v.policy_id
                WHERE p.name_key = $1) AS versions`,
      [name],
    );
    expect({ policies, versions }).toEqual({ policies: 1, versions: 1 });
  });

  it('concurrent AttachRolePolicy of the same pair: all succeed, one attachment', async () => {
    const role = unique('attach-twice');
    await createRole(role);
    const { Policy } = await createPolicy(unique('attach-twice'));
    const outcomes = await Promise.all(
      Array.from({ length: RACERS }, () => outcome(attach(role, Policy.Arn))),
    );
    expect(tally(outcomes)).toEqual({ ok: RACERS });
    expect(await attachmentsOf(role)).toBe(1);
    expect(
      (await module.get(GetPolicyHandler).execute({ PolicyArn: Policy.Arn })).Policy.AttachmentCount,
    ).toBe(1);
  });

  it('concurrent AttachRolePolicy of different policies never passes the 10-per-role quota', async () => {
    const role = unique('quota');
    await createRole(role);
    const arns = [];
    for (let i = 0; i < 12; i++) arns.push((await createPolicy(unique(`quota-${i}`))).Policy.Arn);
    const outcomes = await Promise.all(arns.map((arn) => outcome(attach(role, arn))));
    expect(tally(outcomes)).toEqual({ ok: 10, LimitExceeded: 2 });
    expect(await attachmentsOf(role)).toBe(10);
  });

  it('DeletePolicy of an attached policy is DeleteConflict and leaves it as it was', async () => {
    const role = unique('keeps');
    await createRole(role);
    const { Policy } = await createPolicy(unique('attached'));
    await attach(role, Policy.Arn);
    expect(await outcome(deletePolicy(Policy.Arn))).toBe('DeleteConflict');
    const after = await module.get(GetPolicyHandler).execute({ PolicyArn: Policy.Arn });
    expect(after.Policy.AttachmentCount).toBe(1);
  });

  it('DeletePolicy committing while AttachRolePolicy waits: the attach is NoSuchEntity, nothing dangles', async () => {
    const role = unique('late-attach');
    await createRole(role);
    const { Policy } = await createPolicy(unique('deleted'));
    // Holding the policy's version row pauses DeletePolicy inside its delete (the versions
    // cascade), after it locked the policy and found it unattached.
    const versions = await holdRows(
      ds,
      `SELECT 1 FROM credential_vending.managed_policy_versions WHERE policy_id = $1`,
      [Policy.PolicyId],
    );
    const deleted = outcome(deletePolicy(Policy.Arn));
    await lockWaiters(ds, 1);
    // The attach reads the policy (still there for it), then its row waits on the deleted policy's key.
    const attached = outcome(attach(role, Policy.Arn));
    await lockWaiters(ds, 2);
    await versions.release();
    expect(await deleted).toBe('ok');
    expect(await attached).toBe('NoSuchEntity');
    expect(await attachmentsOf(role)).toBe(0);
  });

  it('DeletePolicy racing AttachRolePolicy in any order: a deleted policy or an attachment, never both', async () => {
    const rounds = await Promise.all(
      Array.from({ length: RACERS }, async () => {
        const role = unique('race-policy');
        await createRole(role);
        const { Policy } = await createPolicy(unique('race-policy'));
        const [attached, deleted] = await Promise.all([
          outcome(attach(role, Policy.Arn)),
          outcome(deletePolicy(Policy.Arn)),
        ]);
        return { attached, deleted, attachments: await attachmentsOf(role) };
      }),
    );
    for (const round of rounds) {
      expect([
        { attached: 'ok', deleted: 'DeleteConflict', attachments: 1 },
        { attached: 'NoSuchEntity', deleted: 'ok', attachments: 0 },
      ]).toContainEqual(round);
    }
  });

  it('DeleteRole before a waiting AttachRolePolicy: the role goes, the attach is NoSuchEntity', async () => {
    const role = unique('deleted-role');
    await createRole(role);
    const { Policy } = await createPolicy(unique('for-deleted-role'));
    const held = await holdRows(ds, `SELECT 1 FROM credential_vending.roles WHERE name_key = $1`, [role]);
    const deleted = outcome(deleteRole(role));
    await lockWaiters(ds, 1);
    const attached = outcome(attach(role, Policy.Arn));
    await lockWaiters(ds, 2);
    await held.release();
    expect(await deleted).toBe('ok');
    expect(await attached).toBe('NoSuchEntity');
    const [{ count }] = await ds.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM credential_vending.role_policy_attachments WHERE policy_id = $1`,
      [Policy.PolicyId],
    );
    expect(count).toBe(0);
  });

  it('AttachRolePolicy before a waiting DeleteRole: the attachment stays, the delete is DeleteConflict', async () => {
    const role = unique('kept-role');
    await createRole(role);
    const { Policy } = await createPolicy(unique('for-kept-role'));
    const held = await holdRows(ds, `SELECT 1 FROM credential_vending.roles WHERE name_key = $1`, [role]);
    const attached = outcome(attach(role, Policy.Arn));
    await lockWaiters(ds, 1);
    const deleted = outcome(deleteRole(role));
    await lockWaiters(ds, 2);
    await held.release();
    expect(await attached).toBe('ok');
    expect(await deleted).toBe('DeleteConflict');
    expect(await attachmentsOf(role)).toBe(1);
  });

  it('DeleteRole racing AttachRolePolicy in any order: a deleted role or an attachment, never a dangling one', async () => {
    const rounds = await Promise.all(
      Array.from({ length: RACERS }, async () => {
        const role = unique('race-role');
        await createRole(role);
        const { Policy } = await createPolicy(unique('race-role'));
        const [attached, deleted] = await Promise.all([
          outcome(attach(role, Policy.Arn)),
          outcome(deleteRole(role)),
        ]);
        const [{ count }] = await ds.query<{ count: number }[]>(
          `SELECT count(*)::int AS count FROM credential_vending.role_policy_attachments WHERE policy_id = $1`,
          [Policy.PolicyId],
        );
        return { attached, deleted, attachments: count };
      }),
    );
    for (const round of rounds) {
      expect([
        { attached: 'ok', deleted: 'DeleteConflict', attachments: 1 },
        { attached: 'NoSuchEntity', deleted: 'ok', attachments: 0 },
      ]).toContainEqual(round);
    }
  });

  it('concurrent PutRolePolicy cannot both fit in the last room of the inline quota', async () => {
    const role = unique('inline-quota');
    await createRole(role);
    const doc = policy({ Sid: 'x'.repeat(6000), Effect: 'Allow', Action: 's3:GetObject', Resource: '*' });
    const outcomes = await Promise.all(
      ['one', 'two'].map((PolicyName) =>
        outcome(
          module.get(PutRolePolicyHandler).execute({ RoleName: role, PolicyName, PolicyDocument: doc }),
        ),
      ),
    );
    expect(tally(outcomes)).toEqual({ ok: 1, LimitExceeded: 1 });
  });

  it('concurrent AddClientIDToOpenIDConnectProvider: no addition is lost', async () => {
    const { OpenIDConnectProviderArn: arn } = await module
      .get(CreateOpenIDConnectProviderHandler)
      .execute({ Url: `https://${unique('idp')}.example.com` });
    const clientIds = Array.from({ length: RACERS }, (_, i) => `client-${i}`);
    const outcomes = await Promise.all(
      clientIds.map((ClientID) =>
        outcome(
          module
            .get(AddClientIDToOpenIDConnectProviderHandler)
            .execute({ OpenIDConnectProviderArn: arn, ClientID }),
        ),
      ),
    );
    expect(tally(outcomes)).toEqual({ ok: RACERS });
    const provider = await module
      .get(GetOpenIDConnectProviderHandler)
      .execute({ OpenIDConnectProviderArn: arn });
    expect([...provider.ClientIDList].sort()).toEqual([...clientIds].sort());
  });
});
