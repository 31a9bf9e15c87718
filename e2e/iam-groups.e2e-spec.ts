import {
  CognitoIdentityProviderClient,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateUserCommand,
  DeleteGroupCommand,
  DeleteGroupPolicyCommand,
  DeletePolicyCommand,
  DeleteUserCommand,
  DetachGroupPolicyCommand,
  GetGroupCommand,
  GetGroupPolicyCommand,
  IAMClient,
  ListAttachedGroupPoliciesCommand,
  ListGroupPoliciesCommand,
  ListGroupsCommand,
  ListGroupsForUserCommand,
  PutGroupPolicyCommand,
  RemoveUserFromGroupCommand,
  UpdateGroupCommand,
} from '@aws-sdk/client-iam';
import { GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { randomBytes } from 'node:crypto';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { iamUserWithKey } from './support/iam-principals';
import { e2eSystem } from './support/e2e-context';

const REGION = 'us-east-1';
const ACCOUNT = '000000000000';

/**
 * IAM groups (ADR 0046) with @aws-sdk/client-iam. IAM User Guide, "IAM user groups": "Any user in a
 * user group automatically has the permissions that are assigned to the user group"; "a user group
 * can contain many users, and a user can belong to multiple user groups" (GroupsPerUser quota 10);
 * DeleteGroup: "the group must not contain any users or have any attached policies"
 * (DeleteConflict). A user's groups' policies are read on every request, so a membership or policy
 * change holds from the next request on every replica.
 */
describe('IAM groups', () => {
  const system = e2eSystem();
  const admin = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const clients: { destroy(): void }[] = [];
  const client = <T extends { destroy(): void }>(c: T): T => {
    clients.push(c);
    return c;
  };
  const iam = client(
    new IAMClient({ region: REGION, endpoint: system.endpoint, credentials: admin, maxAttempts: 1 }),
  );
  const unique = () => randomBytes(4).toString('hex');
  const policy = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
  const listPools = { Effect: 'Allow', Action: 'cognito-idp:ListUserPools', Resource: '*' };

  afterAll(() => {
    for (const c of clients) c.destroy();
  });

  async function newSigner(inline?: object[]) {
    const user = await iamUserWithKey(iam, { prefix: 'member', statements: inline, policyName: 'own' });
    const opts = { region: REGION, endpoint: system.endpoint, credentials: user.credentials, maxAttempts: 1 };
    return {
      UserName: user.UserName,
      arn: user.arn,
      credentials: user.credentials,
      idp: client(new CognitoIdentityProviderClient(opts)),
      iam: client(new IAMClient(opts)),
      sts: client(new STSClient(opts)),
    };
  }

  it('creates, lists, pages, renames and deletes groups with the shapes IAM answers', async () => {
    const path = `/g${unique()}/`;
    const names = ['alpha', 'bravo', 'charlie'].map((n) => `${n}-${unique()}`);
    const created = await iam.send(new CreateGroupCommand({ GroupName: names[0], Path: path }));
    expect(created.Group).toMatchObject({
      GroupName: names[0],
      Path: path,
      Arn: `arn:aws:iam::${ACCOUNT}:group${path}${names[0]}`,
      GroupId: expect.stringMatching(/^AGPA[A-Z2-7]{17}$/),
      CreateDate: expect.any(Date),
    });
    for (const n of names.slice(1)) await iam.send(new CreateGroupCommand({ GroupName: n, Path: path }));
    await expectAwsError(
      iam.send(new CreateGroupCommand({ GroupName: names[0].toUpperCase() })),
      'EntityAlreadyExistsException',
      { status: 409, message: `Group with name ${names[0].toUpperCase()} already exists.` },
    );
    const first = await iam.send(new ListGroupsCommand({ PathPrefix: path, MaxItems: 2 }));
    expect(first.IsTruncated).toBe(true);
    const rest = await iam.send(new ListGroupsCommand({ PathPrefix: path, Marker: first.Marker }));
    expect([...first.Groups!, ...rest.Groups!].map((g) => g.GroupName)).toEqual(names);
    expect(rest.IsTruncated).toBe(false);

    const renamed = `renamed-${unique()}`;
    await iam.send(
      new UpdateGroupCommand({ GroupName: names[2], NewGroupName: renamed, NewPath: '/moved/' }),
    );
    expect((await iam.send(new GetGroupCommand({ GroupName: renamed }))).Group).toMatchObject({
      Path: '/moved/',
      Arn: `arn:aws:iam::${ACCOUNT}:group/moved/${renamed}`,
      GroupId: expect.stringMatching(/^AGPA/),
    });
    await expectAwsError(iam.send(new GetGroupCommand({ GroupName: names[2] })), 'NoSuchEntityException', {
      status: 404,
      message: `The group with name ${names[2]} cannot be found.`,
    });
    for (const n of [names[0], names[1], renamed]) await iam.send(new DeleteGroupCommand({ GroupName: n }));
    expect((await iam.send(new ListGroupsCommand({ PathPrefix: path }))).Groups).toEqual([]);
  });

  it('keeps members, inline and attached policies, and refuses DeleteGroup and DeleteUser while they remain', async () => {
    const GroupName = `team-${unique()}`;
    await iam.send(new CreateGroupCommand({ GroupName }));
    const users = [`u1-${unique()}`, `u2-${unique()}`, `u3-${unique()}`].sort();
    for (const UserName of users) {
      await iam.send(new CreateUserCommand({ UserName, Tags: [{ Key: 'k', Value: 'v' }] }));
      await iam.send(new AddUserToGroupCommand({ GroupName, UserName }));
    }
    await iam.send(new AddUserToGroupCommand({ GroupName, UserName: users[0] })); // again: a no-op
    const page = await iam.send(new GetGroupCommand({ GroupName, MaxItems: 2 }));
    expect(page.Users!.map((u) => u.UserName)).toEqual(users.slice(0, 2));
    expect(page.Users![0].Tags).toBeUndefined();
    expect(page.IsTruncated).toBe(true);
    const next = await iam.send(new GetGroupCommand({ GroupName, Marker: page.Marker }));
    expect(next.Users!.map((u) => u.UserName)).toEqual(users.slice(2));
    expect(
      (await iam.send(new ListGroupsForUserCommand({ UserName: users[0] }))).Groups!.map((g) => g.GroupName),
    ).toEqual([GroupName]);

    const document = policy([listPools]);
    await iam.send(new PutGroupPolicyCommand({ GroupName, PolicyName: 'pools', PolicyDocument: document }));
    const got = await iam.send(new GetGroupPolicyCommand({ GroupName, PolicyName: 'pools' }));
    expect(decodeURIComponent(got.PolicyDocument!)).toBe(document);
    expect((await iam.send(new ListGroupPoliciesCommand({ GroupName }))).PolicyNames).toEqual(['pools']);
    const managed = await iam.send(
      new CreatePolicyCommand({ PolicyName: `gp-${unique()}`, PolicyDocument: policy([listPools]) }),
    );
    const PolicyArn = managed.Policy!.Arn!;
    await iam.send(new AttachGroupPolicyCommand({ GroupName, PolicyArn }));
    expect((await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName }))).AttachedPolicies).toEqual([
      { PolicyName: managed.Policy!.PolicyName, PolicyArn },
    ]);
    await expectAwsError(iam.send(new DeletePolicyCommand({ PolicyArn })), 'DeleteConflictException');

    await expectAwsError(iam.send(new DeleteGroupCommand({ GroupName })), 'DeleteConflictException', {
      status: 409,
      message: 'Cannot delete entity, must remove users from group first.',
    });
    await expectAwsError(iam.send(new DeleteUserCommand({ UserName: users[0] })), 'DeleteConflictException', {
      status: 409,
      message: 'Cannot delete entity, must remove user from all groups first.',
    });
    for (const UserName of users) {
      await iam.send(new RemoveUserFromGroupCommand({ GroupName, UserName }));
      await iam.send(new DeleteUserCommand({ UserName }));
    }
    await expectAwsError(
      iam.send(new RemoveUserFromGroupCommand({ GroupName, UserName: users[0] })),
      'NoSuchEntityException',
    );
    await expectAwsError(iam.send(new DeleteGroupCommand({ GroupName })), 'DeleteConflictException', {
      message: 'Cannot delete entity, must delete policies first.',
    });
    await iam.send(new DeleteGroupPolicyCommand({ GroupName, PolicyName: 'pools' }));
    await expectAwsError(iam.send(new DeleteGroupCommand({ GroupName })), 'DeleteConflictException', {
      message: 'Cannot delete entity, must detach all policies first.',
    });
    await iam.send(new DetachGroupPolicyCommand({ GroupName, PolicyArn }));
    await iam.send(new DeleteGroupCommand({ GroupName }));
    await iam.send(new DeletePolicyCommand({ PolicyArn }));
  });

  it("gives a member the group's rights, its sessions too, and takes them away when it leaves", async () => {
    const GroupName = `readers-${unique()}`;
    await iam.send(new CreateGroupCommand({ GroupName }));
    await iam.send(
      new PutGroupPolicyCommand({ GroupName, PolicyName: 'pools', PolicyDocument: policy([listPools]) }),
    );
    const user = await newSigner();
    await expectAwsError(
      user.idp.send(new ListUserPoolsCommand({ MaxResults: 5 })),
      'AccessDeniedException',
      {
        message: `User: ${user.arn} is not authorized to perform: cognito-idp:ListUserPools on resource: * because no identity-based policy allows the cognito-idp:ListUserPools action`,
      },
    );
    await iam.send(new AddUserToGroupCommand({ GroupName, UserName: user.UserName }));
    expect((await user.idp.send(new ListUserPoolsCommand({ MaxResults: 5 }))).UserPools).toBeDefined();
    // A GetSessionToken session of the user's key has the group's rights as well.
    const session = (await user.sts.send(new GetSessionTokenCommand({}))).Credentials!;
    const sessionIdp = client(
      new CognitoIdentityProviderClient({
        region: REGION,
        endpoint: system.endpoint,
        maxAttempts: 1,
        credentials: {
          accessKeyId: session.AccessKeyId!,
          secretAccessKey: session.SecretAccessKey!,
          sessionToken: session.SessionToken!,
        },
      }),
    );
    expect((await sessionIdp.send(new ListUserPoolsCommand({ MaxResults: 5 }))).UserPools).toBeDefined();

    await iam.send(new RemoveUserFromGroupCommand({ GroupName, UserName: user.UserName }));
    // The next request already decides without the group, for the key and for its session.
    await expectAwsError(user.idp.send(new ListUserPoolsCommand({ MaxResults: 5 })), 'AccessDeniedException');
    await expectAwsError(
      sessionIdp.send(new ListUserPoolsCommand({ MaxResults: 5 })),
      'AccessDeniedException',
    );
  });

  it("lets a deny in a group's policy win over the user's own allow, and over another group's allow", async () => {
    const allowers = `allow-${unique()}`;
    const deniers = `deny-${unique()}`;
    await iam.send(new CreateGroupCommand({ GroupName: allowers }));
    await iam.send(new CreateGroupCommand({ GroupName: deniers }));
    await iam.send(
      new PutGroupPolicyCommand({
        GroupName: allowers,
        PolicyName: 'a',
        PolicyDocument: policy([listPools]),
      }),
    );
    const managed = await iam.send(
      new CreatePolicyCommand({
        PolicyName: `deny-${unique()}`,
        PolicyDocument: policy([{ ...listPools, Effect: 'Deny' }]),
      }),
    );
    await iam.send(new AttachGroupPolicyCommand({ GroupName: deniers, PolicyArn: managed.Policy!.Arn! }));
    const user = await newSigner([listPools]);
    await iam.send(new AddUserToGroupCommand({ GroupName: allowers, UserName: user.UserName }));
    expect((await user.idp.send(new ListUserPoolsCommand({ MaxResults: 5 }))).UserPools).toBeDefined();
    await iam.send(new AddUserToGroupCommand({ GroupName: deniers, UserName: user.UserName }));
    await expectAwsError(
      user.idp.send(new ListUserPoolsCommand({ MaxResults: 5 })),
      'AccessDeniedException',
      {
        message: `User: ${user.arn} is not authorized to perform: cognito-idp:ListUserPools on resource: * with an explicit deny in an identity-based policy`,
      },
    );
    // Detaching the deny from the group restores the allow on the next request.
    await iam.send(new DetachGroupPolicyCommand({ GroupName: deniers, PolicyArn: managed.Policy!.Arn! }));
    expect((await user.idp.send(new ListUserPoolsCommand({ MaxResults: 5 }))).UserPools).toBeDefined();
  });

  it('refuses a user adding itself to a group without iam:AddUserToGroup on that group', async () => {
    const admins = `admins-${unique()}`;
    const helpdesk = `helpdesk-${unique()}`;
    await iam.send(new CreateGroupCommand({ GroupName: admins }));
    await iam.send(new CreateGroupCommand({ GroupName: helpdesk }));
    await iam.send(
      new PutGroupPolicyCommand({
        GroupName: admins,
        PolicyName: 'all',
        PolicyDocument: policy([{ Effect: 'Allow', Action: '*', Resource: '*' }]),
      }),
    );
    const user = await newSigner([
      {
        Effect: 'Allow',
        Action: 'iam:AddUserToGroup',
        Resource: `arn:aws:iam::${ACCOUNT}:group/${helpdesk}`,
      },
    ]);
    await expectAwsError(
      user.iam.send(new AddUserToGroupCommand({ GroupName: admins, UserName: user.UserName })),
      'AccessDenied',
      {
        status: 403,
        message: `User: ${user.arn} is not authorized to perform: iam:AddUserToGroup on resource: arn:aws:iam::${ACCOUNT}:group/${admins} because no identity-based policy allows the iam:AddUserToGroup action`,
      },
    );
    expect((await iam.send(new GetGroupCommand({ GroupName: admins }))).Users).toEqual([]);
    // The group it may manage: allowed.
    await user.iam.send(new AddUserToGroupCommand({ GroupName: helpdesk, UserName: user.UserName }));
    expect(
      (await iam.send(new ListGroupsForUserCommand({ UserName: user.UserName }))).Groups!.map(
        (g) => g.GroupName,
      ),
    ).toEqual([helpdesk]);
    // Nor may it write a policy onto its own group without iam:PutGroupPolicy.
    await expectAwsError(
      user.iam.send(
        new PutGroupPolicyCommand({
          GroupName: helpdesk,
          PolicyName: 'escalate',
          PolicyDocument: policy([{ Effect: 'Allow', Action: '*', Resource: '*' }]),
        }),
      ),
      'AccessDenied',
    );
    expect((await iam.send(new ListGroupPoliciesCommand({ GroupName: helpdesk }))).PolicyNames).toEqual([]);
  });

  it('refuses malformed group policies, foreign and AWS managed ARNs, and unknown names, changing nothing', async () => {
    const GroupName = `strict-${unique()}`;
    await iam.send(new CreateGroupCommand({ GroupName }));
    for (const PolicyDocument of [
      '{"Version":"2012-10-17","Statement":',
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Action: '*', Resource: '*' }] }),
      policy([{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }]),
    ]) {
      await expectAwsError(
        iam.send(new PutGroupPolicyCommand({ GroupName, PolicyName: 'bad', PolicyDocument })),
        'MalformedPolicyDocumentException',
      );
    }
    expect((await iam.send(new ListGroupPoliciesCommand({ GroupName }))).PolicyNames).toEqual([]);
    await expectAwsError(
      iam.send(
        new AttachGroupPolicyCommand({ GroupName, PolicyArn: 'arn:aws:iam::999999999999:policy/readers' }),
      ),
      'InvalidInputException',
    );
    await expectAwsError(
      iam.send(
        new AttachGroupPolicyCommand({ GroupName, PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }),
      ),
      'NoSuchEntityException',
    );
    expect((await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName }))).AttachedPolicies).toEqual(
      [],
    );
    await expectAwsError(
      iam.send(new AddUserToGroupCommand({ GroupName, UserName: `nobody-${unique()}` })),
      'NoSuchEntityException',
    );
    await expectAwsError(iam.send(new CreateGroupCommand({ GroupName: 'bad name' })), 'ValidationError');
    await expectAwsError(iam.send(new ListGroupsCommand({ Marker: 'forged' })), 'ValidationError');
    await iam.send(new DeleteGroupCommand({ GroupName }));
  });
});
