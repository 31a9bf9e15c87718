import { ServiceError } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { IamArns } from '../common/arns';
import { ManagedPolicyEntity } from '../database/entities';
import { ManagedPoliciesRepository } from '../policies/managed-policies.repository';
import { ManagedPolicyLookup } from '../policies/managed-policy.lookup';
import { UserLookup } from '../users/user.lookup';
import { StoredUser, UsersRepository } from '../users/users.repository';
import { AddUserToGroupHandler } from './add-user-to-group.handler';
import { AttachGroupPolicyHandler } from './attach-group-policy.handler';
import { CreateGroupHandler } from './create-group.handler';
import { DeleteGroupHandler } from './delete-group.handler';
import { DeleteGroupPolicyHandler } from './delete-group-policy.handler';
import { DetachGroupPolicyHandler } from './detach-group-policy.handler';
import { GetGroupHandler } from './get-group.handler';
import { GetGroupPolicyHandler } from './get-group-policy.handler';
import { GroupLookup } from './group.lookup';
import { GroupsRepository, StoredGroup } from './groups.repository';
import { ListGroupsHandler } from './list-groups.handler';
import { PutGroupPolicyHandler } from './put-group-policy.handler';
import { RemoveUserFromGroupHandler } from './remove-user-from-group.handler';
import { UpdateGroupHandler } from './update-group.handler';

const ACCOUNT = '123456789012';
const arns = new IamArns(ACCOUNT);
const tx = { unitOfWork: 'handle' } as unknown as Transaction;
const transactions = {
  run: jest.fn((work: (t: Transaction) => Promise<unknown>) => work(tx)),
} as unknown as Transactions;

const admins: StoredGroup = {
  groupId: 'AGPAEXAMPLEEXAMPLE1',
  name: 'Admins',
  nameKey: 'admins',
  path: '/',
  arn: arns.group('/', 'Admins'),
  createdAt: new Date(0),
  updatedAt: new Date(0),
};

const alice: StoredUser = {
  userId: 'AIDAEXAMPLEEXAMPLE1',
  name: 'Alice',
  nameKey: 'alice',
  path: '/',
  arn: arns.user('/', 'Alice'),
  permissionsBoundary: null,
  tags: [{ Key: 'team', Value: 'ops' }],
  createdAt: new Date(0),
  updatedAt: new Date(0),
};

const managedPolicy: ManagedPolicyEntity = {
  policyId: 'ANPAEXAMPLEEXAMPLE1',
  name: 'readers',
  nameKey: 'readers',
  path: '/',
  arn: arns.policy('/', 'readers'),
  description: null,
  defaultVersionId: 'v1',
  tags: [],
  createdAt: new Date(0),
  updatedAt: new Date(0),
};

/** Every query of the repositories mocked: the handlers' decisions are what is under test. */
function setUp() {
  const groups = {
    insert: jest.fn().mockResolvedValue('created'),
    findByName: jest.fn().mockResolvedValue(admins),
    page: jest.fn().mockResolvedValue({ page: [admins] }),
    rename: jest.fn().mockResolvedValue('updated'),
    dependents: jest
      .fn()
      .mockResolvedValue({ members: false, inlinePolicies: false, attachedPolicies: false }),
    delete: jest.fn().mockResolvedValue(undefined),
    addMember: jest.fn().mockResolvedValue(undefined),
    removeMember: jest.fn().mockResolvedValue(true),
    groupCountOf: jest.fn().mockResolvedValue(0),
    isMember: jest.fn().mockResolvedValue(false),
    members: jest.fn().mockResolvedValue({ page: [alice], next: 'alice' }),
    inlinePolicySizeWithout: jest.fn().mockResolvedValue(0),
    putInlinePolicy: jest.fn().mockResolvedValue(undefined),
    findInlinePolicy: jest.fn().mockResolvedValue(undefined),
    deleteInlinePolicy: jest.fn().mockResolvedValue(false),
    isAttached: jest.fn().mockResolvedValue(false),
    attachedCount: jest.fn().mockResolvedValue(0),
    attach: jest.fn().mockResolvedValue('attached'),
    detach: jest.fn().mockResolvedValue(false),
  };
  const users = { findByName: jest.fn().mockResolvedValue(alice) };
  const policies = { findByArn: jest.fn().mockResolvedValue(managedPolicy) };
  const repository = groups as unknown as GroupsRepository;
  return {
    groups,
    users,
    policies,
    repository,
    lookup: new GroupLookup(repository),
    userLookup: new UserLookup(users as unknown as UsersRepository),
    policyLookup: new ManagedPolicyLookup(policies as unknown as ManagedPoliciesRepository, arns),
  };
}

async function errorOf(promise: Promise<unknown>): Promise<{ name?: string; message?: string }> {
  return promise.then(
    () => ({}),
    (err: ServiceError) => ({ name: err.errorName, message: err.message }),
  );
}

const doc = (statement: object) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });

describe('CreateGroup', () => {
  it('writes the group under its path with an AGPA id and answers it', async () => {
    const s = setUp();
    const { Group } = await new CreateGroupHandler(transactions, s.repository, arns).execute({
      GroupName: 'Ops',
      Path: '/eng/',
    });
    expect(Group).toMatchObject({
      GroupName: 'Ops',
      Path: '/eng/',
      Arn: `arn:aws:iam::${ACCOUNT}:group/eng/Ops`,
    });
    expect(Group.GroupId).toMatch(/^AGPA[A-Z2-7]{17}$/);
    expect(s.groups.insert).toHaveBeenCalledWith(expect.objectContaining({ nameKey: 'ops' }), tx);
  });

  it('refuses a taken name with EntityAlreadyExists in IAM words', async () => {
    const s = setUp();
    s.groups.insert.mockResolvedValue('exists');
    expect(
      await errorOf(new CreateGroupHandler(transactions, s.repository, arns).execute({ GroupName: 'Ops' })),
    ).toEqual({ name: 'EntityAlreadyExists', message: 'Group with name Ops already exists.' });
  });

  it.each([['a b'], [''], ['x'.repeat(129)]])('refuses the name %j before writing', async (GroupName) => {
    const s = setUp();
    expect(
      (await errorOf(new CreateGroupHandler(transactions, s.repository, arns).execute({ GroupName }))).name,
    ).toBe('ValidationError');
    expect(s.groups.insert).not.toHaveBeenCalled();
  });
});

describe('GetGroup and ListGroups', () => {
  it('answers the group with a page of its users, without their tags, and a marker', async () => {
    const s = setUp();
    const answer = await new GetGroupHandler(s.lookup, s.repository).execute({
      GroupName: 'admins',
      MaxItems: 1,
    });
    expect(answer.Group.GroupName).toBe('Admins');
    expect(answer.Users).toEqual([expect.objectContaining({ UserName: 'Alice' })]);
    expect(answer.Users[0].Tags).toBeUndefined();
    expect(answer.IsTruncated).toBe(true);
    expect(answer.Marker).toEqual(expect.any(String));
    expect(s.groups.members).toHaveBeenCalledWith(admins.groupId, undefined, 1);
  });

  it('answers NoSuchEntity in IAM words for an unknown group', async () => {
    const s = setUp();
    s.groups.findByName.mockResolvedValue(undefined);
    expect(await errorOf(new GetGroupHandler(s.lookup, s.repository).execute({ GroupName: 'Nope' }))).toEqual(
      {
        name: 'NoSuchEntity',
        message: 'The group with name Nope cannot be found.',
      },
    );
  });

  it('refuses a forged marker and a MaxItems out of range', async () => {
    const s = setUp();
    const handler = new ListGroupsHandler(s.repository);
    expect((await errorOf(handler.execute({ Marker: 'not-a-marker' }))).name).toBe('ValidationError');
    expect((await errorOf(handler.execute({ MaxItems: 1001 }))).name).toBe('ValidationError');
    const { Groups, IsTruncated } = await handler.execute({ PathPrefix: '/' });
    expect(Groups.map((g) => g.GroupName)).toEqual(['Admins']);
    expect(IsTruncated).toBe(false);
  });
});

describe('UpdateGroup and DeleteGroup', () => {
  it('moves and renames the group, its ARN following', async () => {
    const s = setUp();
    await new UpdateGroupHandler(transactions, s.lookup, s.repository, arns).execute({
      GroupName: 'Admins',
      NewGroupName: 'Root',
      NewPath: '/x/',
    });
    expect(s.groups.rename).toHaveBeenCalledWith(
      admins.groupId,
      { name: 'Root', path: '/x/', arn: `arn:aws:iam::${ACCOUNT}:group/x/Root` },
      tx,
    );
  });

  it('refuses a new name already taken', async () => {
    const s = setUp();
    s.groups.rename.mockResolvedValue('exists');
    expect(
      (
        await errorOf(
          new UpdateGroupHandler(transactions, s.lookup, s.repository, arns).execute({
            GroupName: 'Admins',
            NewGroupName: 'Taken',
          }),
        )
      ).name,
    ).toBe('EntityAlreadyExists');
  });

  it.each([
    ['members', 'Cannot delete entity, must remove users from group first.'],
    ['inlinePolicies', 'Cannot delete entity, must delete policies first.'],
    ['attachedPolicies', 'Cannot delete entity, must detach all policies first.'],
  ])('refuses a group that still has %s with DeleteConflict', async (what, message) => {
    const s = setUp();
    s.groups.dependents.mockResolvedValue({
      members: false,
      inlinePolicies: false,
      attachedPolicies: false,
      [what]: true,
    });
    expect(
      await errorOf(
        new DeleteGroupHandler(transactions, s.lookup, s.repository).execute({ GroupName: 'Admins' }),
      ),
    ).toEqual({ name: 'DeleteConflict', message });
    expect(s.groups.delete).not.toHaveBeenCalled();
  });

  it('deletes an empty group under its row lock', async () => {
    const s = setUp();
    await new DeleteGroupHandler(transactions, s.lookup, s.repository).execute({ GroupName: 'Admins' });
    expect(s.groups.findByName).toHaveBeenCalledWith('Admins', tx, true);
    expect(s.groups.delete).toHaveBeenCalledWith(admins.groupId, tx);
  });
});

describe('AddUserToGroup and RemoveUserFromGroup', () => {
  it('adds the user under both row locks, the group first', async () => {
    const s = setUp();
    await new AddUserToGroupHandler(transactions, s.lookup, s.userLookup, s.repository).execute({
      GroupName: 'Admins',
      UserName: 'alice',
    });
    expect(s.groups.findByName).toHaveBeenCalledWith('Admins', tx, true);
    expect(s.users.findByName).toHaveBeenCalledWith('alice', tx, true);
    expect(s.groups.findByName.mock.invocationCallOrder[0]).toBeLessThan(
      s.users.findByName.mock.invocationCallOrder[0],
    );
    expect(s.groups.addMember).toHaveBeenCalledWith(admins.groupId, alice.userId, tx);
  });

  it('is a no-op for a member, and refuses an eleventh group with LimitExceeded', async () => {
    const s = setUp();
    const handler = new AddUserToGroupHandler(transactions, s.lookup, s.userLookup, s.repository);
    s.groups.isMember.mockResolvedValueOnce(true);
    await handler.execute({ GroupName: 'Admins', UserName: 'Alice' });
    expect(s.groups.addMember).not.toHaveBeenCalled();
    s.groups.groupCountOf.mockResolvedValue(10);
    expect(await errorOf(handler.execute({ GroupName: 'Admins', UserName: 'Alice' }))).toEqual({
      name: 'LimitExceeded',
      message: 'Cannot exceed quota for GroupsPerUser: 10',
    });
    expect(s.groups.addMember).not.toHaveBeenCalled();
  });

  it('answers NoSuchEntity for an unknown user, adding nothing', async () => {
    const s = setUp();
    s.users.findByName.mockResolvedValue(undefined);
    expect(
      await errorOf(
        new AddUserToGroupHandler(transactions, s.lookup, s.userLookup, s.repository).execute({
          GroupName: 'Admins',
          UserName: 'Mallory',
        }),
      ),
    ).toEqual({ name: 'NoSuchEntity', message: 'The user with name Mallory cannot be found.' });
    expect(s.groups.addMember).not.toHaveBeenCalled();
  });

  it('refuses to remove a user that is not a member', async () => {
    const s = setUp();
    s.groups.removeMember.mockResolvedValue(false);
    expect(
      (
        await errorOf(
          new RemoveUserFromGroupHandler(transactions, s.lookup, s.userLookup, s.repository).execute({
            GroupName: 'Admins',
            UserName: 'Alice',
          }),
        )
      ).name,
    ).toBe('NoSuchEntity');
  });
});

describe('group inline policies', () => {
  it('stores a valid identity policy with its size', async () => {
    const s = setUp();
    const document = doc({ Effect: 'Allow', Action: 'cognito-idp:ListUserPools', Resource: '*' });
    await new PutGroupPolicyHandler(transactions, s.lookup, s.repository).execute({
      GroupName: 'Admins',
      PolicyName: 'p',
      PolicyDocument: document,
    });
    expect(s.groups.putInlinePolicy).toHaveBeenCalledWith(
      admins.groupId,
      'p',
      document,
      expect.any(Number),
      tx,
    );
  });

  it.each([
    ['not JSON', '{"Version":'],
    ['no Effect', JSON.stringify({ Version: '2012-10-17', Statement: [{ Action: '*', Resource: '*' }] })],
    [
      'a Principal in an identity policy',
      doc({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }),
    ],
  ])('refuses a malformed document (%s), storing nothing', async (_what, PolicyDocument) => {
    const s = setUp();
    expect(
      (
        await errorOf(
          new PutGroupPolicyHandler(transactions, s.lookup, s.repository).execute({
            GroupName: 'Admins',
            PolicyName: 'p',
            PolicyDocument,
          }),
        )
      ).name,
    ).toBe('MalformedPolicyDocument');
    expect(s.groups.putInlinePolicy).not.toHaveBeenCalled();
  });

  it("refuses a document past the group's 5,120-character quota", async () => {
    const s = setUp();
    s.groups.inlinePolicySizeWithout.mockResolvedValue(5100);
    expect(
      (
        await errorOf(
          new PutGroupPolicyHandler(transactions, s.lookup, s.repository).execute({
            GroupName: 'Admins',
            PolicyName: 'p',
            PolicyDocument: doc({ Effect: 'Allow', Action: '*', Resource: '*' }),
          }),
        )
      ).name,
    ).toBe('LimitExceeded');
  });

  it('answers NoSuchEntity in IAM words for a policy the group lacks (get and delete)', async () => {
    const s = setUp();
    const expected = {
      name: 'NoSuchEntity',
      message: 'The group policy with name p cannot be found for group Admins.',
    };
    expect(
      await errorOf(
        new GetGroupPolicyHandler(s.lookup, s.repository).execute({ GroupName: 'Admins', PolicyName: 'p' }),
      ),
    ).toEqual(expected);
    expect(
      await errorOf(
        new DeleteGroupPolicyHandler(transactions, s.lookup, s.repository).execute({
          GroupName: 'Admins',
          PolicyName: 'p',
        }),
      ),
    ).toEqual(expected);
  });

  it('answers the document URL-encoded, as IAM', async () => {
    const s = setUp();
    s.groups.findInlinePolicy.mockResolvedValue('{"a": "b c"}');
    const answer = await new GetGroupPolicyHandler(s.lookup, s.repository).execute({
      GroupName: 'Admins',
      PolicyName: 'p',
    });
    expect(answer).toEqual({
      GroupName: 'Admins',
      PolicyName: 'p',
      PolicyDocument: encodeURIComponent('{"a": "b c"}'),
    });
  });
});

describe('group managed policy attachments', () => {
  it('refuses an eleventh policy, another account’s ARN and an AWS managed one', async () => {
    const s = setUp();
    const handler = new AttachGroupPolicyHandler(transactions, s.lookup, s.repository, s.policyLookup);
    s.groups.attachedCount.mockResolvedValue(10);
    expect(await errorOf(handler.execute({ GroupName: 'Admins', PolicyArn: managedPolicy.arn }))).toEqual({
      name: 'LimitExceeded',
      message: 'Cannot exceed quota for PoliciesPerGroup: 10',
    });
    expect(
      (
        await errorOf(
          handler.execute({ GroupName: 'Admins', PolicyArn: 'arn:aws:iam::999999999999:policy/readers' }),
        )
      ).name,
    ).toBe('InvalidInput');
    expect(
      (
        await errorOf(
          handler.execute({ GroupName: 'Admins', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }),
        )
      ).name,
    ).toBe('NoSuchEntity');
    expect(s.groups.attach).not.toHaveBeenCalled();
  });

  it('answers NoSuchPolicy when the policy was deleted while attaching', async () => {
    const s = setUp();
    s.groups.attach.mockResolvedValue('policy-gone');
    expect(
      (
        await errorOf(
          new AttachGroupPolicyHandler(transactions, s.lookup, s.repository, s.policyLookup).execute({
            GroupName: 'Admins',
            PolicyArn: managedPolicy.arn,
          }),
        )
      ).name,
    ).toBe('NoSuchEntity');
  });

  it('refuses to detach a policy that is not attached', async () => {
    const s = setUp();
    expect(
      await errorOf(
        new DetachGroupPolicyHandler(transactions, s.lookup, s.repository, s.policyLookup).execute({
          GroupName: 'Admins',
          PolicyArn: managedPolicy.arn,
        }),
      ),
    ).toEqual({ name: 'NoSuchEntity', message: `Policy ${managedPolicy.arn} was not found.` });
  });
});
