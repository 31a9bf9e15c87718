import { ServiceError } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { IamArns } from '../common/arns';
import { ManagedPolicyEntity, RoleEntity } from '../database/entities';
import { ManagedPoliciesRepository } from '../policies/managed-policies.repository';
import { ManagedPolicyLookup } from '../policies/managed-policy.lookup';
import { AttachRolePolicyHandler } from './attach-role-policy.handler';
import { CreateRoleHandler } from './create-role.handler';
import { DeleteRoleHandler } from './delete-role.handler';
import { ListRolesHandler } from './list-roles.handler';
import { PutRolePolicyHandler } from './put-role-policy.handler';
import { RoleLookup } from './role.lookup';
import { RolesRepository } from './roles.repository';
import { InstanceProfilesRepository } from '../instance-profiles/instance-profiles.repository';

const ACCOUNT = '123456789012';
const arns = new IamArns(ACCOUNT);
const tx = { unitOfWork: 'handle' } as unknown as Transaction;
const transactions = { run: jest.fn((work: (t: Transaction) => Promise<unknown>) => work(tx)) };
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 'sts:AssumeRole' }],
});
const POLICY_ARN = arns.policy('/', 'readers');

const role: RoleEntity = {
  roleId: 'AROAEXAMPLEEXAMPLE1',
  name: 'Reader',
  nameKey: 'reader',
  path: '/',
  arn: arns.role('/', 'Reader'),
  assumeRolePolicy: TRUST,
  description: null,
  maxSessionDuration: 3600,
  tags: [],
  createdAt: new Date(0),
  updatedAt: new Date(0),
};

const managedPolicy: ManagedPolicyEntity = {
  policyId: 'ANPAEXAMPLEEXAMPLE1',
  name: 'readers',
  nameKey: 'readers',
  path: '/',
  arn: POLICY_ARN,
  description: null,
  defaultVersionId: 'v1',
  tags: [],
  createdAt: new Date(0),
  updatedAt: new Date(0),
};

/** Every query of both repositories mocked: the handlers' decisions are what is under test. */
function repositories() {
  const roles = {
    insert: jest.fn().mockResolvedValue('created'),
    findByName: jest.fn().mockResolvedValue(role),
    page: jest.fn(),
    delete: jest.fn().mockResolvedValue(undefined),
    hasInlinePolicies: jest.fn().mockResolvedValue(false),
    inlinePolicySizeWithout: jest.fn().mockResolvedValue(0),
    putInlinePolicy: jest.fn().mockResolvedValue(undefined),
  };
  const policies = {
    findByArn: jest.fn().mockResolvedValue(managedPolicy),
    attachedCountOf: jest.fn().mockResolvedValue(0),
    isAttached: jest.fn().mockResolvedValue(false),
    attach: jest.fn().mockResolvedValue('attached'),
    roleHasAttachments: jest.fn().mockResolvedValue(false),
  };
  const rolesRepository = roles as unknown as RolesRepository;
  const policiesRepository = policies as unknown as ManagedPoliciesRepository;
  return {
    roles,
    policies,
    rolesRepository,
    policiesRepository,
    roleLookup: new RoleLookup(rolesRepository),
    policyLookup: new ManagedPolicyLookup(policiesRepository, arns),
    transactions: transactions as unknown as Transactions,
  };
}

async function errorName(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (err: ServiceError) => err.errorName,
  );
}

describe('CreateRole', () => {
  it('answers the role it inserted', async () => {
    const r = repositories();
    const answer = await new CreateRoleHandler(
      r.rolesRepository,
      arns,
      r.transactions,
      r.policyLookup,
    ).execute({
      RoleName: 'Writer',
      Path: '/team/',
      AssumeRolePolicyDocument: TRUST,
    });
    expect(r.roles.insert).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'Writer', nameKey: 'writer', arn: arns.role('/team/', 'Writer') }),
      tx,
    );
    expect(answer.Role).toMatchObject({ RoleName: 'Writer', Path: '/team/', MaxSessionDuration: 3600 });
  });

  it('is EntityAlreadyExists when the repository finds the name taken', async () => {
    const r = repositories();
    r.roles.insert.mockResolvedValue('exists');
    const create = new CreateRoleHandler(r.rolesRepository, arns, r.transactions, r.policyLookup).execute({
      RoleName: 'Reader',
      AssumeRolePolicyDocument: TRUST,
    });
    expect(await errorName(create)).toBe('EntityAlreadyExists');
  });
});

describe('AttachRolePolicy', () => {
  const attach = (r: ReturnType<typeof repositories>) =>
    new AttachRolePolicyHandler(r.transactions, r.policiesRepository, r.roleLookup, r.policyLookup).execute({
      RoleName: 'Reader',
      PolicyArn: POLICY_ARN,
    });

  it('attaches in one unit of work holding the role locked', async () => {
    const r = repositories();
    await attach(r);
    expect(r.roles.findByName).toHaveBeenCalledWith('Reader', tx, true);
    expect(r.policies.attach).toHaveBeenCalledWith(role.roleId, managedPolicy.policyId, tx);
  });

  it('is a no-op for a policy already attached, even at the quota', async () => {
    const r = repositories();
    r.policies.isAttached.mockResolvedValue(true);
    r.policies.attachedCountOf.mockResolvedValue(10);
    await attach(r);
    expect(r.policies.attach).not.toHaveBeenCalled();
  });

  it('is LimitExceeded past 10 policies per role', async () => {
    const r = repositories();
    r.policies.attachedCountOf.mockResolvedValue(10);
    expect(await errorName(attach(r))).toBe('LimitExceeded');
    expect(r.policies.attach).not.toHaveBeenCalled();
  });

  it('is NoSuchEntity when the policy was deleted after it was read', async () => {
    const r = repositories();
    r.policies.attach.mockResolvedValue('policy-gone');
    expect(await errorName(attach(r))).toBe('NoSuchEntity');
  });

  it('is NoSuchEntity for a role that does not exist', async () => {
    const r = repositories();
    r.roles.findByName.mockResolvedValue(undefined);
    expect(await errorName(attach(r))).toBe('NoSuchEntity');
  });
});

describe('DeleteRole', () => {
  const inProfile = jest.fn((_roleId: string, _tx: Transaction) => Promise.resolve(false));
  const remove = (r: ReturnType<typeof repositories>) =>
    new DeleteRoleHandler(r.transactions, r.roleLookup, r.rolesRepository, r.policiesRepository, {
      roleInAny: inProfile,
    } as unknown as InstanceProfilesRepository).execute({
      RoleName: 'Reader',
    });
  beforeEach(() => inProfile.mockResolvedValue(false));

  it('deletes the locked role when nothing is left on it', async () => {
    const r = repositories();
    await remove(r);
    expect(r.roles.findByName).toHaveBeenCalledWith('Reader', tx, true);
    expect(r.roles.delete).toHaveBeenCalledWith(role.roleId, tx);
  });

  it('is DeleteConflict while inline policies remain', async () => {
    const r = repositories();
    r.roles.hasInlinePolicies.mockResolvedValue(true);
    expect(await errorName(remove(r))).toBe('DeleteConflict');
    expect(r.roles.delete).not.toHaveBeenCalled();
  });

  it('is DeleteConflict while managed policies are attached', async () => {
    const r = repositories();
    r.policies.roleHasAttachments.mockResolvedValue(true);
    expect(await errorName(remove(r))).toBe('DeleteConflict');
    expect(r.roles.delete).not.toHaveBeenCalled();
  });

  it('is DeleteConflict while the role is in an instance profile, asked under the role lock', async () => {
    const r = repositories();
    inProfile.mockResolvedValue(true);
    await expect(remove(r)).rejects.toMatchObject({
      errorName: 'DeleteConflict',
      message: 'Cannot delete entity, must remove roles from instance profile first.',
    });
    expect(inProfile).toHaveBeenCalledWith(role.roleId, tx);
    expect(r.roles.delete).not.toHaveBeenCalled();
  });
});

describe('PutRolePolicy', () => {
  const doc = (sid: string) =>
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Sid: sid, Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
    });
  const put = (r: ReturnType<typeof repositories>, sid: string) =>
    new PutRolePolicyHandler(r.transactions, r.roleLookup, r.rolesRepository).execute({
      RoleName: 'Reader',
      PolicyName: 'inline',
      PolicyDocument: doc(sid),
    });

  it('stores the document with its size, measured without whitespace', async () => {
    const r = repositories();
    await put(r, 'small');
    expect(r.roles.inlinePolicySizeWithout).toHaveBeenCalledWith(role.roleId, 'inline', tx);
    expect(r.roles.putInlinePolicy).toHaveBeenCalledWith(
      role.roleId,
      'inline',
      doc('small'),
      doc('small').length,
      tx,
    );
  });

  it("is LimitExceeded when the role's other inline policies leave no room", async () => {
    const r = repositories();
    r.roles.inlinePolicySizeWithout.mockResolvedValue(10_240 - 10);
    expect(await errorName(put(r, 'small'))).toBe('LimitExceeded');
    expect(r.roles.putInlinePolicy).not.toHaveBeenCalled();
  });
});

describe('ListRoles', () => {
  it('refuses a marker it did not issue without asking the repository', async () => {
    const r = repositories();
    const list = new ListRolesHandler(r.rolesRepository).execute({ Marker: 'garbage' });
    expect(await errorName(list)).toBe('ValidationError');
    expect(r.roles.page).not.toHaveBeenCalled();
  });

  it('hands back the next key as an opaque marker', async () => {
    const r = repositories();
    r.roles.page.mockResolvedValue({ page: [role], next: role.nameKey });
    const answer = await new ListRolesHandler(r.rolesRepository).execute({ PathPrefix: '/', MaxItems: 1 });
    expect(r.roles.page).toHaveBeenCalledWith('/', undefined, 1);
    expect(answer.IsTruncated).toBe(true);
    const next = await new ListRolesHandler(r.rolesRepository).execute({ Marker: answer.Marker });
    expect(next.Roles).toHaveLength(1);
    expect(r.roles.page).toHaveBeenLastCalledWith('/', role.nameKey, 100);
  });
});
