import {
  CreateOpenIDConnectProviderCommand,
  CreateRoleCommand,
  IAMClient,
  ListRoleTagsCommand,
  PutRolePolicyCommand,
  TagRoleCommand,
  UntagRoleCommand,
} from '@aws-sdk/client-iam';
import {
  AssumeRoleCommand,
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
  STSClient,
  Tag,
} from '@aws-sdk/client-sts';
import { randomBytes } from 'node:crypto';
import { SessionTokenCodec } from '../libs/session-credentials/src';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { eventually } from '../libs/testing/src/eventually';
import { authorizeDeviceRequest } from './support/authorize';
import { e2eSystem } from './support/e2e-context';
import { startTestIdp } from './support/test-idp';

type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
const REGION = 'us-east-1';
const ACCOUNT = '000000000000';
const ROOT = `arn:aws:iam::${ACCOUNT}:root`;

/**
 * STS session tags (ADR 0041), as the IAM User Guide's "Pass session tags in AWS STS" describes
 * them: AssumeRole `Tags` and `TransitiveTagKeys` need `sts:TagSession` in the trust policy (with
 * `aws:RequestTag/<key>` and `aws:TagKeys` to condition it), become `aws:PrincipalTag/<key>` of the
 * session (over the role's own tags), and transitive ones follow the session through role chaining,
 * where they cannot be overridden. Decisions are read back through POST /authorize.
 */
describe('STS session tags: AssumeRole Tags, sts:TagSession and aws:PrincipalTag', () => {
  const system = e2eSystem();
  const admin = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const unique = () => `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  let iam: IAMClient;
  /** Trusts the account root for sts:AssumeRole only: no sts:TagSession. */
  let untaggable: string;
  /** Trusts the root for sts:AssumeRole, and sts:TagSession when Project starts with "ap"; tagged Team=ops. */
  let tagged: string;
  /** Trusts `tagged`'s sessions (AssumeRole and TagSession): the second link of a chain. */
  let chained: string;

  const sts = (credentials: Creds = admin) =>
    new STSClient({ region: REGION, endpoint: system.endpoint, credentials, maxAttempts: 1 });
  const credsOf = (c: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string }): Creds => ({
    accessKeyId: c.AccessKeyId!,
    secretAccessKey: c.SecretAccessKey!,
    sessionToken: c.SessionToken!,
  });
  const assume = (roleArn: string, more: { Tags?: Tag[]; TransitiveTagKeys?: string[] } = {}, as = admin) =>
    sts(as).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'tagged-session', ...more }));

  /** What a resource service does with a request signed by `device`: ask idfed's authorizer. */
  async function authorize(device: Creds, action: string, resource: string, context?: object) {
    return authorizeDeviceRequest(device, { action, resource, context });
  }

  async function newRole(trust: object, policy: object, tags: Tag[] = []): Promise<string> {
    const roleName = `e2e-tags-${unique()}`;
    const { Role } = await iam.send(
      new CreateRoleCommand({
        RoleName: roleName,
        AssumeRolePolicyDocument: JSON.stringify(trust),
        ...(tags.length ? { Tags: tags } : {}),
      }),
    );
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: roleName,
        PolicyName: 'docs',
        PolicyDocument: JSON.stringify(policy),
      }),
    );
    return Role!.Arn!;
  }

  const docsPolicy = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: 'docs:GetDocument',
        Resource: 'arn:aws:docs:::project/${aws:PrincipalTag/Project}/*',
      },
      {
        Effect: 'Allow',
        Action: 'docs:PutDocument',
        Resource: '*',
        Condition: { StringEquals: { 'aws:PrincipalTag/Team': 'dev' } },
      },
      { Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:TagSession'], Resource: '*' },
    ],
  };

  beforeAll(async () => {
    iam = new IAMClient({ region: REGION, endpoint: system.endpoint, credentials: admin, maxAttempts: 1 });
    untaggable = await newRole(
      {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { AWS: ROOT }, Action: 'sts:AssumeRole' }],
      },
      docsPolicy,
    );
    tagged = await newRole(
      {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { AWS: ROOT }, Action: 'sts:AssumeRole' },
          {
            Effect: 'Allow',
            Principal: { AWS: ROOT },
            Action: 'sts:TagSession',
            Condition: {
              StringLike: { 'aws:RequestTag/Project': 'ap*' },
              'ForAllValues:StringLike': { 'aws:TagKeys': ['Project', 'Team', 'x-*'] },
            },
          },
        ],
      },
      docsPolicy,
      [{ Key: 'Team', Value: 'ops' }],
    );
    chained = await newRole(
      {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { AWS: tagged }, Action: ['sts:AssumeRole', 'sts:TagSession'] },
        ],
      },
      docsPolicy,
    );
  });
  afterAll(() => iam.destroy());

  it('refuses session tags when the trust policy does not allow sts:TagSession (AccessDenied)', async () => {
    await assume(untaggable); // the role itself can be assumed
    await expectAwsError(
      assume(untaggable, { Tags: [{ Key: 'Project', Value: 'apollo' }] }),
      'AccessDenied',
      {
        status: 403,
        message: `User: ${ROOT} is not authorized to perform: sts:TagSession on resource: ${untaggable}`,
      },
    );
  });

  it('checks aws:RequestTag and aws:TagKeys in the sts:TagSession statement', async () => {
    await expectAwsError(assume(tagged, { Tags: [{ Key: 'Project', Value: 'gemini' }] }), 'AccessDenied', {
      status: 403,
    });
    await expectAwsError(
      assume(tagged, {
        Tags: [
          { Key: 'Project', Value: 'apollo' },
          { Key: 'CostCenter', Value: '1' },
        ],
      }),
      'AccessDenied',
      { status: 403 },
    );
    const ok = await assume(tagged, { Tags: [{ Key: 'Project', Value: 'apollo' }] });
    // AWS reports how much of the packed budget the tags use.
    expect(ok.PackedPolicySize).toBeGreaterThan(0);
    expect(ok.PackedPolicySize).toBeLessThan(100);
  });

  it('makes session tags aws:PrincipalTag for identity policies and ${aws:PrincipalTag/...} variables', async () => {
    const session = credsOf(
      (await assume(tagged, { Tags: [{ Key: 'Project', Value: 'apollo' }] })).Credentials!,
    );
    expect((await sts(session).send(new GetCallerIdentityCommand({}))).Arn).toMatch(/assumed-role/);
    expect((await authorize(session, 'docs:GetDocument', 'arn:aws:docs:::project/apollo/a')).allowed).toBe(
      true,
    );
    expect((await authorize(session, 'docs:GetDocument', 'arn:aws:docs:::project/gemini/a')).allowed).toBe(
      false,
    );
    // The role's own tag Team=ops applies; the caller's context cannot add principal tags.
    expect((await authorize(session, 'docs:PutDocument', '*')).allowed).toBe(false);
    expect(
      (await authorize(session, 'docs:PutDocument', '*', { 'aws:PrincipalTag/Team': 'dev' })).allowed,
    ).toBe(false);
    // A session tag overrides the role tag of the same key.
    const dev = credsOf(
      (
        await assume(tagged, {
          Tags: [
            { Key: 'Project', Value: 'apollo' },
            { Key: 'Team', Value: 'dev' },
          ],
        })
      ).Credentials!,
    );
    expect((await authorize(dev, 'docs:PutDocument', '*')).allowed).toBe(true);
  });

  it('validates tags as STS does: case-insensitive duplicates, 50 tags, lengths, transitive keys', async () => {
    await expectAwsError(
      assume(tagged, {
        Tags: [
          { Key: 'Project', Value: 'apollo' },
          { Key: 'project', Value: 'apollo' },
        ],
      }),
      'InvalidParameterValue',
      { status: 400, message: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.' },
    );
    const many = Array.from({ length: 51 }, (_, i) => ({ Key: `x-${i}`, Value: 'v' }));
    await expectAwsError(assume(tagged, { Tags: many }), 'ValidationError', { status: 400 });
    await expectAwsError(
      assume(tagged, { Tags: [{ Key: 'Project', Value: 'a'.repeat(257) }] }),
      'ValidationError',
      { status: 400 },
    );
    await expectAwsError(
      assume(tagged, { Tags: [{ Key: 'Project', Value: 'apollo' }], TransitiveTagKeys: ['Team'] }),
      'InvalidParameterValue',
      { status: 400 },
    );
  });

  it('refuses tags too large to pack with PackedPolicyTooLarge', async () => {
    const big = Array.from({ length: 49 }, (_, i) => ({
      Key: `x-${i}-${randomBytes(40).toString('hex')}`,
      Value: randomBytes(120).toString('base64').slice(0, 256),
    }));
    await expectAwsError(
      assume(tagged, { Tags: [{ Key: 'Project', Value: 'apollo' }, ...big] }),
      'PackedPolicyTooLargeException',
      { status: 400 },
    );
  });

  it('carries transitive tags into a chained session, which may not override them', async () => {
    const first = credsOf(
      (
        await assume(tagged, {
          Tags: [
            { Key: 'Project', Value: 'apollo' },
            { Key: 'Team', Value: 'dev' },
          ],
          TransitiveTagKeys: ['Project'],
        })
      ).Credentials!,
    );
    const second = credsOf((await assume(chained, {}, first)).Credentials!);
    expect((await authorize(second, 'docs:GetDocument', 'arn:aws:docs:::project/apollo/a')).allowed).toBe(
      true,
    );
    // Team was not transitive: it stays with the first session.
    expect((await authorize(second, 'docs:PutDocument', '*')).allowed).toBe(false);
    await expectAwsError(
      assume(chained, { Tags: [{ Key: 'project', Value: 'gemini' }] }, first),
      'InvalidParameterValue',
      { status: 400 },
    );
    // A session without transitive tags passes nothing on.
    const plain = credsOf(
      (await assume(tagged, { Tags: [{ Key: 'Project', Value: 'apollo' }] })).Credentials!,
    );
    const third = credsOf((await assume(chained, {}, plain)).Credentials!);
    expect((await authorize(third, 'docs:GetDocument', 'arn:aws:docs:::project/apollo/a')).allowed).toBe(
      false,
    );
  });

  it('refuses a session token whose sealed tags were altered or forged', async () => {
    const session = credsOf(
      (await assume(tagged, { Tags: [{ Key: 'Project', Value: 'apollo' }] })).Credentials!,
    );
    const token = session.sessionToken!;
    const mid = Math.floor(token.length / 2);
    const flipped = `${token.slice(0, mid)}${token[mid] === 'A' ? 'B' : 'A'}${token.slice(mid + 1)}`;
    const altered = { ...session, sessionToken: flipped };
    await expectAwsError(sts(altered).send(new GetCallerIdentityCommand({})), 'InvalidClientTokenId', {
      status: 403,
    });
    expect(
      (await authorize(altered, 'docs:GetDocument', 'arn:aws:docs:::project/apollo/a')).authenticated,
    ).toBe(false);
    // The same claims with another tag, sealed under a key that is not the deployment's.
    const other = SessionTokenCodec.fromMasterKey(randomBytes(32));
    const forged = {
      ...session,
      sessionToken: other.seal({
        accessKeyId: session.accessKeyId,
        secretAccessKey: session.secretAccessKey,
        roleArn: tagged,
        roleId: 'AROAFORGEDFORGEDFORGE',
        sessionName: 'tagged-session',
        subject: ROOT,
        provider: ROOT,
        issuedAt: Date.now(),
        expiresAt: Date.now() + 600_000,
        sessionTags: [{ Key: 'Project', Value: 'gemini' }],
      }),
    };
    expect(
      (await authorize(forged, 'docs:GetDocument', 'arn:aws:docs:::project/gemini/a')).authenticated,
    ).toBe(false);
  });

  it("takes AssumeRoleWithWebIdentity's tags from the token's https://aws.amazon.com/tags claim", async () => {
    const idp = await startTestIdp();
    try {
      const { OpenIDConnectProviderArn: providerArn } = await iam.send(
        new CreateOpenIDConnectProviderCommand({ Url: idp.issuer, ClientIDList: ['app-client'] }),
      );
      const trust = (actions: string[]) => ({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Federated: providerArn },
            Action: actions,
            Condition: { StringEquals: { [`${idp.urlKey}:aud`]: 'app-client' } },
          },
        ],
      });
      const withoutTagSession = await newRole(trust(['sts:AssumeRoleWithWebIdentity']), docsPolicy);
      const withTagSession = await newRole(
        trust(['sts:AssumeRoleWithWebIdentity', 'sts:TagSession']),
        docsPolicy,
      );
      const token = await idp.mint({
        claims: {
          sub: 'user-1',
          aud: 'app-client',
          'https://aws.amazon.com/tags': {
            principal_tags: { Project: ['apollo'] },
            transitive_tag_keys: ['Project'],
          },
        },
      });
      const web = (roleArn: string) =>
        sts().send(
          new AssumeRoleWithWebIdentityCommand({
            RoleArn: roleArn,
            RoleSessionName: 'web',
            WebIdentityToken: token,
          }),
        );
      await expectAwsError(web(withoutTagSession), 'AccessDenied', { status: 403 });
      const answer = await web(withTagSession);
      expect(answer.PackedPolicySize).toBeGreaterThan(0);
      const session = credsOf(answer.Credentials!);
      expect((await authorize(session, 'docs:GetDocument', 'arn:aws:docs:::project/apollo/a')).allowed).toBe(
        true,
      );
      expect((await authorize(session, 'docs:GetDocument', 'arn:aws:docs:::project/gemini/a')).allowed).toBe(
        false,
      );
    } finally {
      await idp.stop();
    }
  });

  it('tags roles with TagRole / UntagRole / ListRoleTags, and role tags reach live sessions', async () => {
    const roleArn = await newRole(
      {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { AWS: ROOT }, Action: 'sts:AssumeRole' }],
      },
      docsPolicy,
    );
    const RoleName = roleArn.split('/').pop()!;
    const session = credsOf((await assume(roleArn)).Credentials!);
    expect((await authorize(session, 'docs:PutDocument', '*')).allowed).toBe(false);

    await iam.send(new TagRoleCommand({ RoleName, Tags: [{ Key: 'team', Value: 'ops' }] }));
    // IAM role tag keys are case-insensitive: Team replaces team, keeping the new case.
    await iam.send(new TagRoleCommand({ RoleName, Tags: [{ Key: 'Team', Value: 'dev' }] }));
    expect((await iam.send(new ListRoleTagsCommand({ RoleName }))).Tags).toEqual([
      { Key: 'Team', Value: 'dev' },
    ]);
    // The authorizer caches a role's permissions and tags briefly (5 s).
    await eventually(async () =>
      expect((await authorize(session, 'docs:PutDocument', '*')).allowed).toBe(true),
    );

    await iam.send(new UntagRoleCommand({ RoleName, TagKeys: ['TEAM'] }));
    expect((await iam.send(new ListRoleTagsCommand({ RoleName }))).Tags ?? []).toEqual([]);
    await eventually(async () =>
      expect((await authorize(session, 'docs:PutDocument', '*')).allowed).toBe(false),
    );

    const many = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    await iam.send(new TagRoleCommand({ RoleName, Tags: many.slice(0, 30) }));
    await expectAwsError(
      iam.send(new TagRoleCommand({ RoleName, Tags: many.slice(30) })),
      'LimitExceededException',
      {
        status: 409,
      },
    );
    const page = await iam.send(new ListRoleTagsCommand({ RoleName, MaxItems: 20 }));
    expect(page.Tags).toHaveLength(20);
    expect(page.IsTruncated).toBe(true);
    const rest = await iam.send(new ListRoleTagsCommand({ RoleName, Marker: page.Marker }));
    expect(rest.Tags).toHaveLength(10);
    expect(rest.IsTruncated).toBe(false);
    await expectAwsError(
      iam.send(new TagRoleCommand({ RoleName: `missing-${unique()}`, Tags: [{ Key: 'a', Value: 'b' }] })),
      'NoSuchEntityException',
    );
  });
});
