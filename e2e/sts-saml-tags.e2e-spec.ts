import {
  CreateRoleCommand,
  CreateSAMLProviderCommand,
  GetSAMLProviderCommand,
  IAMClient,
  ListSAMLProviderTagsCommand,
  PutRolePolicyCommand,
  TagSAMLProviderCommand,
  UntagSAMLProviderCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleWithSAMLCommand } from '@aws-sdk/client-sts';
import { randomBytes } from 'node:crypto';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { samlSigningKey, TestSamlIdp } from '../libs/testing/src/saml-idp';
import {
  AWS_SAML_AUDIENCE as AWS_SAML,
  SAML_ROLE_ATTRIBUTE as ROLE_ATTR,
  SAML_SESSION_NAME_ATTRIBUTE as SESSION_ATTR,
  adminIamAndSts,
} from './support/iam-principals';
import { authorizeDeviceRequest } from './support/authorize';
import { e2eSystem } from './support/e2e-context';

const REGION = 'us-east-1';
const TAG_ATTR = 'https://aws.amazon.com/SAML/Attributes/PrincipalTag:';
const TRANSITIVE_ATTR = 'https://aws.amazon.com/SAML/Attributes/TransitiveTagKeys';

/**
 * SAML provider tags (IAM TagSAMLProvider, UntagSAMLProvider, ListSAMLProviderTags, Tags on
 * CreateSAMLProvider) and session tags carried by a SAML assertion, with @aws-sdk/client-iam and
 * @aws-sdk/client-sts against assertions samlify signs as the IdP. IAM user guide, "Passing
 * session tags using AssumeRoleWithSAML": the IdP passes `PrincipalTag:<key>` attributes and
 * `TransitiveTagKeys`, and "the role trust policy must allow the sts:TagSession action"; the tags
 * are `aws:PrincipalTag` of the session.
 */
describe('SAML provider tags and session tags from SAML assertions', () => {
  const system = e2eSystem();
  const { iam, sts } = adminIamAndSts(system, REGION);
  const unique = () => randomBytes(4).toString('hex');
  const idp = new TestSamlIdp(
    `https://idp-${unique()}.tags.test`,
    'https://idp.tags.test/sso',
    samlSigningKey(),
    'post',
  );
  let providerArn: string;
  let taggingRole: string;
  let plainRole: string;

  beforeAll(async () => {
    providerArn = (
      await iam.send(
        new CreateSAMLProviderCommand({
          Name: `tags-${unique()}`,
          SAMLMetadataDocument: idp.metadata(),
          Tags: [{ Key: 'team', Value: 'identity' }],
        }),
      )
    ).SAMLProviderArn!;
    const trust = (tagSession: boolean) =>
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Federated: providerArn },
            Action: tagSession ? ['sts:AssumeRoleWithSAML', 'sts:TagSession'] : 'sts:AssumeRoleWithSAML',
            Condition: { StringEquals: { 'SAML:aud': AWS_SAML } },
          },
        ],
      });
    const tagging = await iam.send(
      new CreateRoleCommand({ RoleName: `saml-tagging-${unique()}`, AssumeRolePolicyDocument: trust(true) }),
    );
    taggingRole = tagging.Role!.Arn!;
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: tagging.Role!.RoleName!,
        PolicyName: 'own-project',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 'docs:GetDocument',
              Resource: 'arn:aws:docs:::project/${aws:PrincipalTag/Project}',
            },
          ],
        }),
      }),
    );
    plainRole = (
      await iam.send(
        new CreateRoleCommand({ RoleName: `saml-plain-${unique()}`, AssumeRolePolicyDocument: trust(false) }),
      )
    ).Role!.Arn!;
  });

  afterAll(() => {
    iam.destroy();
    sts.destroy();
  });

  const assertion = (role: string, extra: Record<string, string | string[]> = {}) =>
    idp.response({
      spEntityId: AWS_SAML,
      acsUrl: AWS_SAML,
      nameId: 'alice@corp.test',
      attributes: { [ROLE_ATTR]: [`${role},${providerArn}`], [SESSION_ATTR]: 'alice', ...extra },
    });

  async function allowed(
    credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string },
    resource: string,
  ): Promise<boolean> {
    return (await authorizeDeviceRequest(credentials, { action: 'docs:GetDocument', resource, path: '/x' }))
      .allowed;
  }

  it('tags, lists (paged) and untags a SAML provider; Get answers the tags', async () => {
    expect((await iam.send(new ListSAMLProviderTagsCommand({ SAMLProviderArn: providerArn }))).Tags).toEqual([
      { Key: 'team', Value: 'identity' },
    ]);
    await iam.send(
      new TagSAMLProviderCommand({
        SAMLProviderArn: providerArn,
        Tags: [
          { Key: 'Team', Value: 'platform' },
          { Key: 'env', Value: 'test' },
        ],
      }),
    );
    const page = await iam.send(
      new ListSAMLProviderTagsCommand({ SAMLProviderArn: providerArn, MaxItems: 1 }),
    );
    expect(page).toMatchObject({ Tags: [{ Key: 'Team', Value: 'platform' }], IsTruncated: true });
    const rest = await iam.send(
      new ListSAMLProviderTagsCommand({ SAMLProviderArn: providerArn, Marker: page.Marker }),
    );
    expect(rest.Tags).toEqual([{ Key: 'env', Value: 'test' }]);
    expect(rest.IsTruncated).toBe(false);
    expect((await iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: providerArn }))).Tags).toEqual([
      { Key: 'Team', Value: 'platform' },
      { Key: 'env', Value: 'test' },
    ]);
    await iam.send(
      new UntagSAMLProviderCommand({ SAMLProviderArn: providerArn, TagKeys: ['TEAM', 'absent'] }),
    );
    expect((await iam.send(new ListSAMLProviderTagsCommand({ SAMLProviderArn: providerArn }))).Tags).toEqual([
      { Key: 'env', Value: 'test' },
    ]);
  });

  it('refuses an unknown provider, more than 50 tags (nothing written), and unsigned calls', async () => {
    const missing = providerArn.replace(/[^/]+$/, `absent-${unique()}`);
    await expectAwsError(
      iam.send(new TagSAMLProviderCommand({ SAMLProviderArn: missing, Tags: [{ Key: 'a', Value: 'b' }] })),
      'NoSuchEntityException',
    );
    await expectAwsError(
      iam.send(new ListSAMLProviderTagsCommand({ SAMLProviderArn: missing })),
      'NoSuchEntityException',
    );
    await expectAwsError(
      iam.send(new UntagSAMLProviderCommand({ SAMLProviderArn: missing, TagKeys: ['a'] })),
      'NoSuchEntityException',
    );
    const many = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    await expectAwsError(
      iam.send(new TagSAMLProviderCommand({ SAMLProviderArn: providerArn, Tags: many })),
      'LimitExceededException',
      // IAM's LimitExceeded is HTTP 409 (botocore's iam service-2.json); the helper's default by name is cognito-sync's 400.
      { status: 409 },
    );
    expect((await iam.send(new ListSAMLProviderTagsCommand({ SAMLProviderArn: providerArn }))).Tags).toEqual([
      { Key: 'env', Value: 'test' },
    ]);
    const stranger = new IAMClient({
      region: REGION,
      endpoint: system.endpoint,
      credentials: { accessKeyId: 'AKIAFORGED0000000000', secretAccessKey: 'x'.repeat(40) },
      maxAttempts: 1,
    });
    try {
      await expectAwsError(
        stranger.send(
          new TagSAMLProviderCommand({ SAMLProviderArn: providerArn, Tags: [{ Key: 'x', Value: 'y' }] }),
        ),
        'InvalidClientTokenId',
      );
    } finally {
      stranger.destroy();
    }
  });

  it("carries the assertion's PrincipalTag attributes into the session as aws:PrincipalTag", async () => {
    const out = await sts.send(
      new AssumeRoleWithSAMLCommand({
        RoleArn: taggingRole,
        PrincipalArn: providerArn,
        SAMLAssertion: await assertion(taggingRole, {
          [`${TAG_ATTR}Project`]: 'blue',
          [TRANSITIVE_ATTR]: ['Project'],
        }),
      }),
    );
    const credentials = {
      accessKeyId: out.Credentials!.AccessKeyId!,
      secretAccessKey: out.Credentials!.SecretAccessKey!,
      sessionToken: out.Credentials!.SessionToken!,
    };
    expect(await allowed(credentials, 'arn:aws:docs:::project/blue')).toBe(true);
    expect(await allowed(credentials, 'arn:aws:docs:::project/red')).toBe(false);
  });

  it('refuses tags without sts:TagSession in the trust policy, and a malformed tag attribute', async () => {
    await expectAwsError(
      sts.send(
        new AssumeRoleWithSAMLCommand({
          RoleArn: plainRole,
          PrincipalArn: providerArn,
          SAMLAssertion: await assertion(plainRole, { [`${TAG_ATTR}Project`]: 'blue' }),
        }),
      ),
      'AccessDenied',
    );
    // The same role without tags is fine: TagSession is needed only to pass tags.
    await sts.send(
      new AssumeRoleWithSAMLCommand({
        RoleArn: plainRole,
        PrincipalArn: providerArn,
        SAMLAssertion: await assertion(plainRole),
      }),
    );
    await expectAwsError(
      sts.send(
        new AssumeRoleWithSAMLCommand({
          RoleArn: taggingRole,
          PrincipalArn: providerArn,
          SAMLAssertion: await assertion(taggingRole, { [`${TAG_ATTR}Project`]: ['blue', 'red'] }),
        }),
      ),
      'InvalidIdentityTokenException',
    );
  });
});
