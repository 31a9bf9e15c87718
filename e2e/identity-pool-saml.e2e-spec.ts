import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  DescribeIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  SetIdentityPoolRolesCommand,
  UpdateIdentityPoolCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  CreateRoleCommand,
  CreateSAMLProviderCommand,
  IAMClient,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleWithSAMLCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { randomBytes } from 'node:crypto';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import {
  samlSigningKey,
  SamlAssertionSpec,
  tamperSamlResponse,
  TestSamlIdp,
} from '../libs/testing/src/saml-idp';
import { AWS_SAML_AUDIENCE as AWS_SAML, SAML_ROLE_ATTRIBUTE as ROLE_ATTR } from './support/iam-principals';
import { e2eSystem } from './support/e2e-context';

const REGION = 'us-east-1';
const PERSISTENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';

/**
 * Identity pools' SamlProviderARNs with @aws-sdk/client-cognito-identity, assertions made and
 * signed by samlify (libs/testing's TestSamlIdp). As the Cognito developer guide ("Setting up a
 * SAML provider as an identity pool IdP") states: the IdP is an IAM SAML provider, its relying
 * party is AWS's sign-in (https://signin.aws.amazon.com/static/saml-metadata.xml), the login key is
 * the provider's ARN and its value the base64 SAML response; the role is the pool's authenticated
 * role or one chosen from the assertion's Role attribute, and the role's trust policy can require
 * the provider in `cognito-identity.amazonaws.com:amr`. Attacks: forged and altered assertions, a
 * provider the pool does not list, replay into another pool or into STS, an expired assertion.
 */
describe('identity pool SAML logins through the AWS SDK', () => {
  const system = e2eSystem();
  const admin = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const anonymous = { accessKeyId: 'ANONYMOUS', secretAccessKey: 'anonymous' };
  const base = { endpoint: system.endpoint, region: REGION, maxAttempts: 1 };
  const iam = new IAMClient({ ...base, credentials: admin });
  const identityAdmin = new CognitoIdentityClient({ ...base, credentials: admin });
  const identityApp = new CognitoIdentityClient({ ...base, credentials: anonymous });
  const sts = new STSClient({ ...base, credentials: admin });
  const unique = () => randomBytes(4).toString('hex');
  const idp = new TestSamlIdp(
    `https://idp-${unique()}.corp.test/metadata`,
    'https://idp.corp.test/sso',
    samlSigningKey(),
    'post',
  );
  const impostor = new TestSamlIdp(
    idp.entityId,
    'https://idp.corp.test/sso',
    samlSigningKey('impostor'),
    'post',
  );
  const otherIdp = new TestSamlIdp(
    `https://idp-${unique()}.other.test/metadata`,
    'https://idp.other.test/sso',
    samlSigningKey('other'),
    'post',
  );
  let providerArn: string;
  let unlistedProviderArn: string;
  let poolId: string;
  let otherPoolId: string;
  let readersArn: string;
  let editorsArn: string;
  let defaultArn: string;

  async function role(name: string, amr: string): Promise<string> {
    const created = await iam.send(
      new CreateRoleCommand({
        RoleName: `${name}-${unique()}`,
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Federated: 'cognito-identity.amazonaws.com' },
              Action: 'sts:AssumeRoleWithWebIdentity',
              Condition: {
                StringEquals: { 'cognito-identity.amazonaws.com:aud': poolId },
                'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': amr },
              },
            },
          ],
        }),
      }),
    );
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: created.Role!.RoleName!,
        PolicyName: 'caller',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'sts:GetCallerIdentity', Resource: '*' }],
        }),
      }),
    );
    return created.Role!.Arn!;
  }

  beforeAll(async () => {
    providerArn = (
      await iam.send(
        new CreateSAMLProviderCommand({ Name: `corp-${unique()}`, SAMLMetadataDocument: idp.metadata() }),
      )
    ).SAMLProviderArn!;
    unlistedProviderArn = (
      await iam.send(
        new CreateSAMLProviderCommand({
          Name: `other-${unique()}`,
          SAMLMetadataDocument: otherIdp.metadata(),
        }),
      )
    ).SAMLProviderArn!;
    poolId = (
      await identityAdmin.send(
        new CreateIdentityPoolCommand({
          IdentityPoolName: 'saml',
          AllowUnauthenticatedIdentities: false,
          SamlProviderARNs: [providerArn],
        }),
      )
    ).IdentityPoolId!;
    otherPoolId = (
      await identityAdmin.send(
        new CreateIdentityPoolCommand({
          IdentityPoolName: 'saml-other',
          AllowUnauthenticatedIdentities: false,
          SamlProviderARNs: [providerArn, unlistedProviderArn],
        }),
      )
    ).IdentityPoolId!;
    readersArn = await role('saml-readers', providerArn);
    editorsArn = await role('saml-editors', providerArn);
    defaultArn = await role('saml-default', 'authenticated');
    await identityAdmin.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: poolId,
        Roles: { authenticated: defaultArn },
        RoleMappings: { [providerArn]: { Type: 'Token', AmbiguousRoleResolution: 'AuthenticatedRole' } },
      }),
    );
  });

  afterAll(() => {
    iam.destroy();
    identityAdmin.destroy();
    identityApp.destroy();
    sts.destroy();
  });

  function assertion(
    over: Partial<SamlAssertionSpec> = {},
    signer = idp,
    roles = [readersArn],
  ): Promise<string> {
    return signer.response({
      spEntityId: AWS_SAML,
      acsUrl: AWS_SAML,
      nameId: 'alice@corp.test',
      nameIdFormat: PERSISTENT,
      attributes: { [ROLE_ATTR]: roles.map((r) => `${r},${providerArn}`) },
      ...over,
    });
  }

  async function callerOf(logins: Record<string, string>, CustomRoleArn?: string): Promise<string> {
    const { IdentityId } = await identityApp.send(
      new GetIdCommand({ IdentityPoolId: poolId, Logins: logins }),
    );
    const { Credentials } = await identityApp.send(
      new GetCredentialsForIdentityCommand({
        IdentityId,
        Logins: logins,
        ...(CustomRoleArn ? { CustomRoleArn } : {}),
      }),
    );
    const client = new STSClient({
      ...base,
      credentials: {
        accessKeyId: Credentials!.AccessKeyId!,
        secretAccessKey: Credentials!.SecretKey!,
        sessionToken: Credentials!.SessionToken!,
      },
    });
    try {
      return (await client.send(new GetCallerIdentityCommand({}))).Arn!;
    } finally {
      client.destroy();
    }
  }

  const roleName = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

  it('stores and echoes SamlProviderARNs (CreateIdentityPool, DescribeIdentityPool, UpdateIdentityPool)', async () => {
    const described = await identityAdmin.send(
      new DescribeIdentityPoolCommand({ IdentityPoolId: otherPoolId }),
    );
    expect(described.SamlProviderARNs).toEqual([providerArn, unlistedProviderArn]);
    const updated = await identityAdmin.send(
      new UpdateIdentityPoolCommand({
        IdentityPoolId: otherPoolId,
        IdentityPoolName: 'saml-other',
        AllowUnauthenticatedIdentities: false,
        SamlProviderARNs: [providerArn],
      }),
    );
    expect(updated.SamlProviderARNs).toEqual([providerArn]);
    await expectAwsError(
      identityAdmin.send(
        new CreateIdentityPoolCommand({
          IdentityPoolName: 'bad',
          AllowUnauthenticatedIdentities: false,
          SamlProviderARNs: ['arn:aws:iam::000000000000:oidc-provider/x.test'],
        }),
      ),
      'InvalidParameterException',
    );
  });

  it('vends credentials for the role the Role attribute names (Token mapping), trusted by amr = provider ARN', async () => {
    const arn = await callerOf({ [providerArn]: await assertion() });
    expect(arn).toContain(`assumed-role/${roleName(readersArn)}/`);
  });

  it('keys the identity by provider + NameID: a new assertion of the same user finds the same identity', async () => {
    const first = await identityApp.send(
      new GetIdCommand({ IdentityPoolId: poolId, Logins: { [providerArn]: await assertion() } }),
    );
    const again = await identityApp.send(
      new GetIdCommand({ IdentityPoolId: poolId, Logins: { [providerArn]: await assertion() } }),
    );
    const bob = await identityApp.send(
      new GetIdCommand({
        IdentityPoolId: poolId,
        Logins: { [providerArn]: await assertion({ nameId: 'bob@corp.test' }) },
      }),
    );
    expect(again.IdentityId).toBe(first.IdentityId);
    expect(bob.IdentityId).not.toBe(first.IdentityId);
  });

  it('with several roles in the assertion: CustomRoleArn picks one of them, else the authenticated role', async () => {
    const two = [readersArn, editorsArn];
    expect(await callerOf({ [providerArn]: await assertion({}, idp, two) }, editorsArn)).toContain(
      `assumed-role/${roleName(editorsArn)}/`,
    );
    expect(await callerOf({ [providerArn]: await assertion({}, idp, two) })).toContain(
      `assumed-role/${roleName(defaultArn)}/`,
    );
    await expectAwsError(
      callerOf({ [providerArn]: await assertion() }, editorsArn),
      'NotAuthorizedException',
    );
  });

  it('refuses forged and altered assertions', async () => {
    await expectAwsError(
      identityApp.send(
        new GetIdCommand({
          IdentityPoolId: poolId,
          Logins: { [providerArn]: await assertion({}, impostor) },
        }),
      ),
      'NotAuthorizedException',
    );
    const altered = tamperSamlResponse(await assertion(), 'alice@corp.test', 'root@corp.test');
    await expectAwsError(
      identityApp.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: { [providerArn]: altered } })),
      'NotAuthorizedException',
    );
    const past = Date.now() - 3_600_000;
    await expectAwsError(
      identityApp.send(
        new GetIdCommand({
          IdentityPoolId: poolId,
          Logins: {
            [providerArn]: await assertion({
              notBefore: new Date(past - 60_000),
              notOnOrAfter: new Date(past),
            }),
          },
        }),
      ),
      'NotAuthorizedException',
    );
  });

  it('refuses a provider the pool does not list, even with a valid assertion of that provider', async () => {
    const response = await otherIdp.response({
      spEntityId: AWS_SAML,
      acsUrl: AWS_SAML,
      nameId: 'carol@other.test',
      nameIdFormat: PERSISTENT,
    });
    await expectAwsError(
      identityApp.send(
        new GetIdCommand({ IdentityPoolId: poolId, Logins: { [unlistedProviderArn]: response } }),
      ),
      'NotAuthorizedException',
    );
  });

  it('binds an assertion to the pool that accepted it: no replay into another pool or into STS, and none from STS', async () => {
    const stsRole = await iam.send(
      new CreateRoleCommand({
        RoleName: `saml-sts-${unique()}`,
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { Federated: providerArn }, Action: 'sts:AssumeRoleWithSAML' },
          ],
        }),
      }),
    );
    const stsRoleArn = stsRole.Role!.Arn!;
    // Valid for STS too (the role trusts the provider, RoleSessionName given): only the binding refuses it.
    const valid = () =>
      assertion({
        attributes: {
          [ROLE_ATTR]: [`${readersArn},${providerArn}`, `${stsRoleArn},${providerArn}`],
          'https://aws.amazon.com/SAML/Attributes/RoleSessionName': 'alice',
        },
      });
    const response = await valid();
    const first = await identityApp.send(
      new GetIdCommand({ IdentityPoolId: poolId, Logins: { [providerArn]: response } }),
    );
    const again = await identityApp.send(
      new GetIdCommand({ IdentityPoolId: poolId, Logins: { [providerArn]: response } }),
    );
    expect(again.IdentityId).toBe(first.IdentityId);
    await expectAwsError(
      identityApp.send(
        new GetIdCommand({ IdentityPoolId: otherPoolId, Logins: { [providerArn]: response } }),
      ),
      'NotAuthorizedException',
    );
    await expectAwsError(
      sts.send(
        new AssumeRoleWithSAMLCommand({
          RoleArn: stsRoleArn,
          PrincipalArn: providerArn,
          SAMLAssertion: response,
        }),
      ),
      'InvalidIdentityTokenException',
    );
    const forSts = await valid();
    await sts.send(
      new AssumeRoleWithSAMLCommand({
        RoleArn: stsRoleArn,
        PrincipalArn: providerArn,
        SAMLAssertion: forSts,
      }),
    );
    await expectAwsError(
      identityApp.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: { [providerArn]: forSts } })),
      'NotAuthorizedException',
    );
  });
});
