import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateGroupCommand,
  CreateOpenIDConnectProviderCommand,
  CreateUserCommand,
  ListEntitiesForPolicyCommand,
  ListPoliciesCommand,
  PutUserPermissionsBoundaryCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  DeletePolicyCommand,
  DeleteRolePermissionsBoundaryCommand,
  GetOpenIDConnectProviderCommand,
  GetPolicyCommand,
  GetRoleCommand,
  IAMClient,
  ListRolesCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  SimulatePrincipalPolicyCommand,
  UpdateOpenIDConnectProviderThumbprintCommand,
  UpdateRoleDescriptionCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { randomBytes } from 'node:crypto';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { eventually } from '../libs/testing/src/eventually';
import { authorizeDeviceRequest } from './support/authorize';
import { e2eSystem } from './support/e2e-context';

const REGION = 'us-east-1';
const ACCOUNT = '000000000000';

/**
 * Roles' permissions boundaries and the remaining role and OIDC provider updates, as the IAM API
 * reference describes them: PutRolePermissionsBoundary ("Adds or updates the policy that is
 * specified as the IAM role's permissions boundary ... to control the maximum permissions that the
 * role can have"), DeleteRolePermissionsBoundary, CreateRole's PermissionsBoundary, GetRole's
 * `PermissionsBoundary` (not in ListRoles: "PermissionsBoundary ... not returned by default"),
 * DeletePolicy refusing a policy in use as a boundary, GetPolicy's PermissionsBoundaryUsageCount,
 * UpdateRoleDescription (answers the role) and UpdateOpenIDConnectProviderThumbprint ("replaces
 * the existing list of server certificate thumbprints"). The boundary is checked where it matters:
 * a session of the role is decided by the authorizer within it.
 */
describe('IAM role permissions boundaries and updates', () => {
  const system = e2eSystem();
  const admin = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const iam = new IAMClient({
    region: REGION,
    endpoint: system.endpoint,
    credentials: admin,
    maxAttempts: 1,
  });
  const sts = new STSClient({
    region: REGION,
    endpoint: system.endpoint,
    credentials: admin,
    maxAttempts: 1,
  });
  const unique = () => randomBytes(4).toString('hex');
  const allow = (action: string) =>
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }],
    });
  const trust = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' },
    ],
  });

  afterAll(() => {
    iam.destroy();
    sts.destroy();
  });

  async function newPolicy(action: string) {
    return (
      await iam.send(
        new CreatePolicyCommand({ PolicyName: `bound-${unique()}`, PolicyDocument: allow(action) }),
      )
    ).Policy!;
  }

  /** The authorizer's decision (POST /authorize) for `action` by a session of the role. */
  async function decision(
    credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string },
    action: string,
  ) {
    return (await authorizeDeviceRequest(credentials, { action, resource: '*', path: '/x' })).allowed;
  }

  it("bounds a role's sessions, shows the boundary on GetRole only, and is removed again", async () => {
    const RoleName = `bounded-${unique()}`;
    const docsOnly = await newPolicy('docs:Get*');
    await iam.send(new CreateRoleCommand({ RoleName, AssumeRolePolicyDocument: trust }));
    await iam.send(
      new PutRolePolicyCommand({ RoleName, PolicyName: 'wide', PolicyDocument: allow('docs:*') }),
    );
    const { Credentials: c } = await sts.send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${ACCOUNT}:role/${RoleName}`,
        RoleSessionName: 'bounded',
      }),
    );
    const session = {
      accessKeyId: c!.AccessKeyId!,
      secretAccessKey: c!.SecretAccessKey!,
      sessionToken: c!.SessionToken!,
    };
    expect(await decision(session, 'docs:PutDocument')).toBe(true);

    await iam.send(new PutRolePermissionsBoundaryCommand({ RoleName, PermissionsBoundary: docsOnly.Arn }));
    const role = (await iam.send(new GetRoleCommand({ RoleName }))).Role!;
    expect(role.PermissionsBoundary).toEqual({
      PermissionsBoundaryType: 'PermissionsBoundaryPolicy',
      PermissionsBoundaryArn: docsOnly.Arn,
    });
    const listed = (await iam.send(new ListRolesCommand({}))).Roles!.find((r) => r.RoleName === RoleName);
    expect(listed?.PermissionsBoundary).toBeUndefined();
    expect(
      (await iam.send(new GetPolicyCommand({ PolicyArn: docsOnly.Arn }))).Policy!
        .PermissionsBoundaryUsageCount,
    ).toBe(1);

    // The authorizer keeps a role's policies a few seconds; then the boundary limits the session.
    await eventually(async () => expect(await decision(session, 'docs:PutDocument')).toBe(false), {
      timeoutMs: 15_000,
      intervalMs: 500,
    });
    expect(await decision(session, 'docs:GetDocument')).toBe(true);
    // The simulator reads the same boundary.
    const simulated = await iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: role.Arn,
        ActionNames: ['docs:PutDocument', 'docs:GetDocument'],
      }),
    );
    expect(simulated.EvaluationResults!.map((r) => r.EvalDecision)).toEqual(['implicitDeny', 'allowed']);

    // In use as a boundary, the policy cannot be deleted.
    await expectAwsError(
      iam.send(new DeletePolicyCommand({ PolicyArn: docsOnly.Arn })),
      'DeleteConflictException',
      {
        status: 409,
      },
    );

    await iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName }));
    expect((await iam.send(new GetRoleCommand({ RoleName }))).Role!.PermissionsBoundary).toBeUndefined();
    await eventually(async () => expect(await decision(session, 'docs:PutDocument')).toBe(true), {
      timeoutMs: 15_000,
      intervalMs: 500,
    });
    await iam.send(new DeletePolicyCommand({ PolicyArn: docsOnly.Arn }));
  });

  it('creates a role with a boundary, and refuses unknown roles and policies with nothing changed', async () => {
    const RoleName = `born-bounded-${unique()}`;
    const boundary = await newPolicy('docs:List*');
    const created = await iam.send(
      new CreateRoleCommand({ RoleName, AssumeRolePolicyDocument: trust, PermissionsBoundary: boundary.Arn }),
    );
    expect(created.Role!.PermissionsBoundary?.PermissionsBoundaryArn).toBe(boundary.Arn);
    await expectAwsError(
      iam.send(
        new PutRolePermissionsBoundaryCommand({
          RoleName,
          PermissionsBoundary: `arn:aws:iam::${ACCOUNT}:policy/absent-${unique()}`,
        }),
      ),
      'NoSuchEntityException',
      { status: 404 },
    );
    expect(
      (await iam.send(new GetRoleCommand({ RoleName }))).Role!.PermissionsBoundary?.PermissionsBoundaryArn,
    ).toBe(boundary.Arn);
    await expectAwsError(
      iam.send(
        new PutRolePermissionsBoundaryCommand({
          RoleName: `absent-${unique()}`,
          PermissionsBoundary: boundary.Arn,
        }),
      ),
      'NoSuchEntityException',
      { status: 404 },
    );
    await expectAwsError(
      iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: `absent-${unique()}` })),
      'NoSuchEntityException',
      { status: 404 },
    );
    await expectAwsError(
      iam.send(
        new CreateRoleCommand({
          RoleName: `never-${unique()}`,
          AssumeRolePolicyDocument: trust,
          PermissionsBoundary: `arn:aws:iam::${ACCOUNT}:policy/absent-${unique()}`,
        }),
      ),
      'NoSuchEntityException',
      {
        status: 404,
        message:
          /^Scope ARN: arn:aws:iam::000000000000:policy\/absent-[0-9a-f]+ does not exist or is not attachable\.$/,
      },
    );
  });

  it("updates a role's description and answers the role", async () => {
    const RoleName = `described-${unique()}`;
    await iam.send(new CreateRoleCommand({ RoleName, AssumeRolePolicyDocument: trust, Description: 'old' }));
    const answer = await iam.send(new UpdateRoleDescriptionCommand({ RoleName, Description: 'new words' }));
    expect(answer.Role).toMatchObject({
      RoleName,
      Description: 'new words',
      Arn: `arn:aws:iam::${ACCOUNT}:role/${RoleName}`,
    });
    expect((await iam.send(new GetRoleCommand({ RoleName }))).Role!.Description).toBe('new words');
    await expectAwsError(
      iam.send(new UpdateRoleDescriptionCommand({ RoleName: `absent-${unique()}`, Description: 'x' })),
      'NoSuchEntityException',
      { status: 404 },
    );
  });

  it("replaces an OIDC provider's thumbprints", async () => {
    const issuer = `https://thumbs-${unique()}.example.test`;
    const { OpenIDConnectProviderArn: arn } = await iam.send(
      new CreateOpenIDConnectProviderCommand({
        Url: issuer,
        ClientIDList: ['app'],
        ThumbprintList: ['a'.repeat(40)],
      }),
    );
    await iam.send(
      new UpdateOpenIDConnectProviderThumbprintCommand({
        OpenIDConnectProviderArn: arn,
        ThumbprintList: ['B'.repeat(40), 'c'.repeat(40)],
      }),
    );
    const provider = await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
    expect(provider.ThumbprintList).toEqual(['b'.repeat(40), 'c'.repeat(40)]);
    expect(provider.ClientIDList).toEqual(['app']);
    await expectAwsError(
      iam.send(
        new UpdateOpenIDConnectProviderThumbprintCommand({
          OpenIDConnectProviderArn: `arn:aws:iam::${ACCOUNT}:oidc-provider/absent-${unique()}.example.test`,
          ThumbprintList: ['d'.repeat(40)],
        }),
      ),
      'NoSuchEntityException',
      { status: 404 },
    );
    // A thumbprint of the wrong length is refused at the edge, and the list is left as it was.
    await expectAwsError(
      iam.send(
        new UpdateOpenIDConnectProviderThumbprintCommand({
          OpenIDConnectProviderArn: arn,
          ThumbprintList: ['short'],
        }),
      ),
      'ValidationError',
      { status: 400 },
    );
    expect(
      (await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }))).ThumbprintList,
    ).toEqual(['b'.repeat(40), 'c'.repeat(40)]);
  });

  it('lists the users, groups and roles using a policy, and counts its boundary uses', async () => {
    const path = `/usage-${unique()}/`;
    const policy = (
      await iam.send(
        new CreatePolicyCommand({
          PolicyName: `used-${unique()}`,
          Path: path,
          PolicyDocument: allow('docs:*'),
        }),
      )
    ).Policy!;
    const GroupName = `users-of-${unique()}`;
    const attachedUser = `attached-${unique()}`;
    const boundedUser = `bounded-${unique()}`;
    const boundedRole = `bounded-${unique()}`;
    const attachedRole = `attached-${unique()}`;
    await iam.send(new CreateGroupCommand({ GroupName }));
    await iam.send(new AttachGroupPolicyCommand({ GroupName, PolicyArn: policy.Arn }));
    await iam.send(new CreateUserCommand({ UserName: attachedUser }));
    await iam.send(new AttachUserPolicyCommand({ UserName: attachedUser, PolicyArn: policy.Arn }));
    // A member of the group is not an entity of the policy itself.
    await iam.send(new AddUserToGroupCommand({ GroupName, UserName: attachedUser }));
    await iam.send(new CreateUserCommand({ UserName: boundedUser }));
    await iam.send(
      new PutUserPermissionsBoundaryCommand({ UserName: boundedUser, PermissionsBoundary: policy.Arn }),
    );
    await iam.send(
      new CreateRoleCommand({
        RoleName: boundedRole,
        AssumeRolePolicyDocument: trust,
        PermissionsBoundary: policy.Arn,
      }),
    );
    await iam.send(new CreateRoleCommand({ RoleName: attachedRole, AssumeRolePolicyDocument: trust }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: attachedRole, PolicyArn: policy.Arn }));

    const all = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: policy.Arn }));
    expect(all.PolicyGroups!.map((g) => g.GroupName)).toEqual([GroupName]);
    expect(all.PolicyUsers!.map((u) => u.UserName).sort()).toEqual([attachedUser, boundedUser].sort());
    expect(all.PolicyRoles!.map((r) => r.RoleName).sort()).toEqual([attachedRole, boundedRole].sort());
    expect(all.PolicyUsers!.every((u) => u.UserId!.startsWith('AIDA'))).toBe(true);

    const bounds = await iam.send(
      new ListEntitiesForPolicyCommand({ PolicyArn: policy.Arn, PolicyUsageFilter: 'PermissionsBoundary' }),
    );
    expect([
      bounds.PolicyGroups,
      bounds.PolicyUsers!.map((u) => u.UserName),
      bounds.PolicyRoles!.map((r) => r.RoleName),
    ]).toEqual([[], [boundedUser], [boundedRole]]);
    const attached = await iam.send(
      new ListEntitiesForPolicyCommand({
        PolicyArn: policy.Arn,
        PolicyUsageFilter: 'PermissionsPolicy',
        EntityFilter: 'User',
      }),
    );
    expect([
      attached.PolicyGroups,
      attached.PolicyUsers!.map((u) => u.UserName),
      attached.PolicyRoles,
    ]).toEqual([[], [attachedUser], []]);

    // Paged one entity at a time across the three lists, each entity once.
    const seen: string[] = [];
    let Marker: string | undefined;
    do {
      const page = await iam.send(
        new ListEntitiesForPolicyCommand({ PolicyArn: policy.Arn, MaxItems: 1, Marker }),
      );
      seen.push(
        ...page.PolicyGroups!.map((g) => g.GroupName!),
        ...page.PolicyUsers!.map((u) => u.UserName!),
        ...page.PolicyRoles!.map((r) => r.RoleName!),
      );
      Marker = page.IsTruncated ? page.Marker : undefined;
    } while (Marker);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);

    const got = (await iam.send(new GetPolicyCommand({ PolicyArn: policy.Arn }))).Policy!;
    expect([got.AttachmentCount, got.PermissionsBoundaryUsageCount]).toEqual([3, 2]);
    const listed = await iam.send(
      new ListPoliciesCommand({ PathPrefix: path, PolicyUsageFilter: 'PermissionsBoundary' }),
    );
    expect(listed.Policies!.map((p) => [p.Arn, p.AttachmentCount, p.PermissionsBoundaryUsageCount])).toEqual([
      [policy.Arn, 3, 2],
    ]);
    const unused = (
      await iam.send(
        new CreatePolicyCommand({
          PolicyName: `unused-${unique()}`,
          Path: path,
          PolicyDocument: allow('docs:*'),
        }),
      )
    ).Policy!;
    expect(
      (await iam.send(new ListPoliciesCommand({ PathPrefix: path }))).Policies!.map((p) => p.Arn).sort(),
    ).toEqual([policy.Arn, unused.Arn].sort());
    expect(
      (
        await iam.send(
          new ListPoliciesCommand({ PathPrefix: path, PolicyUsageFilter: 'PermissionsBoundary' }),
        )
      ).Policies!.map((p) => p.Arn),
    ).toEqual([policy.Arn]);
  });
});
