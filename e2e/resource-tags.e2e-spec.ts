import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  DescribeIdentityPoolCommand,
  TagResourceCommand as TagIdentityPoolCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  TagResourceCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  CreateAccessKeyCommand,
  CreateOpenIDConnectProviderCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetOpenIDConnectProviderCommand,
  GetPolicyCommand,
  IAMClient,
  ListOpenIDConnectProviderTagsCommand,
  ListPolicyTagsCommand,
  PutUserPolicyCommand,
  TagOpenIDConnectProviderCommand,
  TagPolicyCommand,
  TagRoleCommand,
  UntagOpenIDConnectProviderCommand,
  UntagPolicyCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { randomBytes } from 'node:crypto';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { eventually } from '../libs/testing/src/eventually';
import { e2eSystem } from './support/e2e-context';

const REGION = 'us-east-1';
const ACCOUNT = '000000000000';

/**
 * Resource tags in authorization (ADR 0066). IAM API reference: TagPolicy / TagOpenIDConnectProvider
 * "add one or more tags", at most 50 per resource (LimitExceeded), keys case-insensitive; the
 * service authorization reference lists `aws:ResourceTag/${TagKey}` for Cognito user pools and
 * identity pools, IAM policies, OIDC and SAML providers and roles (sts:AssumeRole on the role).
 * Each decision reads the resource's tags (remembered at most 5 s; forgotten at once when they
 * change through the same gateway).
 */
describe('resource tags in authorization', () => {
  const system = e2eSystem();
  const admin = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const clients: { destroy(): void }[] = [];
  const opts = (credentials: { accessKeyId: string; secretAccessKey: string }) => ({
    region: REGION,
    endpoint: system.endpoint,
    credentials,
    maxAttempts: 1,
  });
  const track = <T extends { destroy(): void }>(c: T): T => {
    clients.push(c);
    return c;
  };
  const iam = track(new IAMClient(opts(admin)));
  const idp = track(new CognitoIdentityProviderClient(opts(admin)));
  const identity = track(new CognitoIdentityClient(opts(admin)));
  const unique = () => randomBytes(4).toString('hex');

  afterAll(() => {
    for (const c of clients) c.destroy();
  });

  /** An IAM user with one inline policy and an access key, made here for this test. */
  async function userWith(statements: object[]) {
    const UserName = `rt-${unique()}`;
    await iam.send(new CreateUserCommand({ UserName }));
    await iam.send(
      new PutUserPolicyCommand({
        UserName,
        PolicyName: 'by-tag',
        PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: statements }),
      }),
    );
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName }))).AccessKey!;
    const credentials = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    return { UserName, arn: `arn:aws:iam::${ACCOUNT}:user/${UserName}`, credentials };
  }
  const blueOnly = (Action: string | string[]) => ({
    Effect: 'Allow',
    Action,
    Resource: '*',
    Condition: { StringEquals: { 'aws:ResourceTag/team': 'blue' } },
  });

  it('tags, lists and untags IAM policies and OIDC providers as IAM does', async () => {
    const PolicyArn = (
      await iam.send(
        new CreatePolicyCommand({
          PolicyName: `tagged-${unique()}`,
          PolicyDocument: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 'cognito-idp:ListUserPools', Resource: '*' }],
          }),
          Tags: [{ Key: 'team', Value: 'dev' }],
        }),
      )
    ).Policy!.Arn!;
    await iam.send(
      new TagPolicyCommand({
        PolicyArn,
        Tags: [
          { Key: 'Team', Value: 'ops' },
          { Key: 'cost', Value: '7' },
        ],
      }),
    );
    expect((await iam.send(new ListPolicyTagsCommand({ PolicyArn }))).Tags).toEqual([
      { Key: 'Team', Value: 'ops' },
      { Key: 'cost', Value: '7' },
    ]);
    const page = await iam.send(new ListPolicyTagsCommand({ PolicyArn, MaxItems: 1 }));
    expect(page.IsTruncated).toBe(true);
    expect((await iam.send(new ListPolicyTagsCommand({ PolicyArn, Marker: page.Marker }))).Tags).toEqual([
      { Key: 'cost', Value: '7' },
    ]);
    await iam.send(new UntagPolicyCommand({ PolicyArn, TagKeys: ['TEAM', 'absent'] }));
    expect((await iam.send(new GetPolicyCommand({ PolicyArn }))).Policy!.Tags).toEqual([
      { Key: 'cost', Value: '7' },
    ]);
    await iam.send(
      new TagPolicyCommand({
        PolicyArn,
        Tags: Array.from({ length: 49 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })),
      }),
    );
    await expectAwsError(
      iam.send(new TagPolicyCommand({ PolicyArn, Tags: [{ Key: 'one-too-many', Value: 'v' }] })),
      'LimitExceededException',
      { status: 409, message: 'Cannot exceed quota for TagsPerPolicy: 50' },
    );
    await expectAwsError(
      iam.send(new TagPolicyCommand({ PolicyArn, Tags: [{ Key: 'aws:team', Value: 'v' }] })),
      'InvalidInputException',
    );
    await expectAwsError(
      iam.send(
        new ListPolicyTagsCommand({ PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/nothing-${unique()}` }),
      ),
      'NoSuchEntityException',
    );

    const OpenIDConnectProviderArn = (
      await iam.send(
        new CreateOpenIDConnectProviderCommand({
          Url: `https://issuer-${unique()}.example.com`,
          ClientIDList: ['app'],
          ThumbprintList: ['a'.repeat(40)],
        }),
      )
    ).OpenIDConnectProviderArn!;
    await iam.send(
      new TagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn, Tags: [{ Key: 'env', Value: 'dev' }] }),
    );
    expect((await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn }))).Tags).toEqual([
      { Key: 'env', Value: 'dev' },
    ]);
    await iam.send(new UntagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn, TagKeys: ['ENV'] }));
    expect(
      (await iam.send(new ListOpenIDConnectProviderTagsCommand({ OpenIDConnectProviderArn }))).Tags,
    ).toEqual([]);
    await expectAwsError(
      iam.send(
        new TagOpenIDConnectProviderCommand({
          OpenIDConnectProviderArn: `arn:aws:iam::${ACCOUNT}:oidc-provider/nobody-${unique()}.example.com`,
          Tags: [{ Key: 'a', Value: 'b' }],
        }),
      ),
      'NoSuchEntityException',
    );
  });

  it("decides user pool and identity pool operations on the pool's tags, a retag seen at once", async () => {
    const newPool = async (team: string) =>
      (await idp.send(new CreateUserPoolCommand({ PoolName: `rt-${team}`, UserPoolTags: { team } })))
        .UserPool!.Id!;
    const blue = await newPool('blue');
    const red = await newPool('red');
    const user = await userWith([
      blueOnly(['cognito-idp:DescribeUserPool', 'cognito-identity:DescribeIdentityPool']),
    ]);
    const asUser = track(new CognitoIdentityProviderClient(opts(user.credentials)));
    expect((await asUser.send(new DescribeUserPoolCommand({ UserPoolId: blue }))).UserPool!.Id).toBe(blue);
    const redArn = `arn:aws:cognito-idp:${REGION}:${ACCOUNT}:userpool/${red}`;
    await expectAwsError(
      asUser.send(new DescribeUserPoolCommand({ UserPoolId: red })),
      'AccessDeniedException',
      {
        status: 400,
        message: `User: ${user.arn} is not authorized to perform: cognito-idp:DescribeUserPool on resource: ${redArn} because no identity-based policy allows the cognito-idp:DescribeUserPool action`,
      },
    );
    // Attack: the user may not retag the pool to let itself in (no cognito-idp:TagResource).
    await expectAwsError(
      asUser.send(new TagResourceCommand({ ResourceArn: redArn, Tags: { team: 'blue' } })),
      'AccessDeniedException',
    );
    await expectAwsError(
      asUser.send(new DescribeUserPoolCommand({ UserPoolId: red })),
      'AccessDeniedException',
    );
    // The admin retags it: the next decision sees it (this gateway forgets what it remembered).
    await idp.send(new TagResourceCommand({ ResourceArn: redArn, Tags: { team: 'blue' } }));
    await eventually(async () => {
      expect((await asUser.send(new DescribeUserPoolCommand({ UserPoolId: red }))).UserPool!.Id).toBe(red);
    });

    const newIdentityPool = async (team: string) =>
      (
        await identity.send(
          new CreateIdentityPoolCommand({
            IdentityPoolName: `rt_${team}`,
            AllowUnauthenticatedIdentities: true,
            IdentityPoolTags: { team },
          }),
        )
      ).IdentityPoolId!;
    const blueIdentity = await newIdentityPool('blue');
    const redIdentity = await newIdentityPool('red');
    const asUserIdentity = track(new CognitoIdentityClient(opts(user.credentials)));
    await asUserIdentity.send(new DescribeIdentityPoolCommand({ IdentityPoolId: blueIdentity }));
    await expectAwsError(
      asUserIdentity.send(new DescribeIdentityPoolCommand({ IdentityPoolId: redIdentity })),
      'AccessDeniedException',
    );
    await identity.send(
      new TagIdentityPoolCommand({
        ResourceArn: `arn:aws:cognito-identity:${REGION}:${ACCOUNT}:identitypool/${redIdentity}`,
        Tags: { team: 'blue' },
      }),
    );
    await eventually(async () => {
      await asUserIdentity.send(new DescribeIdentityPoolCommand({ IdentityPoolId: redIdentity }));
    });
  });

  it("decides a tagging permission on the resource's tags: a user cannot retag a red pool blue", async () => {
    const red = (
      await idp.send(new CreateUserPoolCommand({ PoolName: 'rt-red', UserPoolTags: { team: 'red' } }))
    ).UserPool!.Id!;
    const user = await userWith([blueOnly(['cognito-idp:TagResource', 'cognito-idp:DescribeUserPool'])]);
    const asUser = track(new CognitoIdentityProviderClient(opts(user.credentials)));
    const ResourceArn = `arn:aws:cognito-idp:${REGION}:${ACCOUNT}:userpool/${red}`;
    await expectAwsError(
      asUser.send(new TagResourceCommand({ ResourceArn, Tags: { team: 'blue' } })),
      'AccessDeniedException',
    );
    await expectAwsError(
      asUser.send(new DescribeUserPoolCommand({ UserPoolId: red })),
      'AccessDeniedException',
    );
    expect((await idp.send(new DescribeUserPoolCommand({ UserPoolId: red }))).UserPool!.UserPoolTags).toEqual(
      {
        team: 'red',
      },
    );
  });

  it('decides IAM policy and OIDC provider actions on their tags', async () => {
    const document = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'cognito-idp:ListUserPools', Resource: '*' }],
    });
    const policy = async (team: string) =>
      (
        await iam.send(
          new CreatePolicyCommand({
            PolicyName: `rt-${team}-${unique()}`,
            PolicyDocument: document,
            Tags: [{ Key: 'team', Value: team }],
          }),
        )
      ).Policy!.Arn!;
    const bluePolicy = await policy('blue');
    const redPolicy = await policy('red');
    const provider = async (team: string) =>
      (
        await iam.send(
          new CreateOpenIDConnectProviderCommand({
            Url: `https://${team}-${unique()}.example.com`,
            ClientIDList: ['app'],
            ThumbprintList: ['b'.repeat(40)],
            Tags: [{ Key: 'team', Value: team }],
          }),
        )
      ).OpenIDConnectProviderArn!;
    const blueProvider = await provider('blue');
    const redProvider = await provider('red');
    const user = await userWith([blueOnly(['iam:GetPolicy', 'iam:GetOpenIDConnectProvider'])]);
    const asUser = track(new IAMClient(opts(user.credentials)));
    await asUser.send(new GetPolicyCommand({ PolicyArn: bluePolicy }));
    await expectAwsError(asUser.send(new GetPolicyCommand({ PolicyArn: redPolicy })), 'AccessDenied', {
      status: 403,
      message: `User: ${user.arn} is not authorized to perform: iam:GetPolicy on resource: ${redPolicy} because no identity-based policy allows the iam:GetPolicy action`,
    });
    await asUser.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: blueProvider }));
    await expectAwsError(
      asUser.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: redProvider })),
      'AccessDenied',
    );
    await iam.send(new TagPolicyCommand({ PolicyArn: redPolicy, Tags: [{ Key: 'team', Value: 'blue' }] }));
    await eventually(async () => {
      await asUser.send(new GetPolicyCommand({ PolicyArn: redPolicy }));
    });
  });

  it("decides sts:AssumeRole on the role's tags, in the caller's policy and in the trust policy", async () => {
    const role = async (team: string, trustCondition?: object) => {
      const RoleName = `rt-${team}-${unique()}`;
      await iam.send(
        new CreateRoleCommand({
          RoleName,
          AssumeRolePolicyDocument: JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
                Action: 'sts:AssumeRole',
                ...(trustCondition ? { Condition: trustCondition } : {}),
              },
            ],
          }),
          Tags: [{ Key: 'team', Value: team }],
        }),
      );
      return { RoleName, RoleArn: `arn:aws:iam::${ACCOUNT}:role/${RoleName}` };
    };
    const blue = await role('blue');
    const red = await role('red');
    const user = await userWith([blueOnly('sts:AssumeRole')]);
    const sts = track(new STSClient(opts(user.credentials)));
    const assume = (RoleArn: string) =>
      sts.send(new AssumeRoleCommand({ RoleArn, RoleSessionName: 'rt-session' }));
    expect((await assume(blue.RoleArn)).Credentials!.AccessKeyId).toBeDefined();
    await expectAwsError(assume(red.RoleArn), 'AccessDenied', {
      status: 403,
      message: `User: ${user.arn} is not authorized to perform: sts:AssumeRole on resource: ${red.RoleArn} because no identity-based policy allows the sts:AssumeRole action`,
    });

    // The trust policy's own condition on the role's tag: the root's call decided by it alone.
    const guarded = await role('green', { StringEquals: { 'aws:ResourceTag/team': 'blue' } });
    const rootSts = track(new STSClient(opts(admin)));
    await expectAwsError(
      rootSts.send(new AssumeRoleCommand({ RoleArn: guarded.RoleArn, RoleSessionName: 'rt-session' })),
      'AccessDenied',
    );
    await iam.send(
      new TagRoleCommand({ RoleName: guarded.RoleName, Tags: [{ Key: 'team', Value: 'blue' }] }),
    );
    await rootSts.send(new AssumeRoleCommand({ RoleArn: guarded.RoleArn, RoleSessionName: 'rt-session' }));
  });
});
