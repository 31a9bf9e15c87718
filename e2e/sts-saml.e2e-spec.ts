import {
  CreateRoleCommand,
  CreateSAMLProviderCommand,
  DeleteSAMLProviderCommand,
  GetSAMLProviderCommand,
  IAMClient,
  ListSAMLProvidersCommand,
  PutRolePolicyCommand,
  UpdateSAMLProviderCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleWithSAMLCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { createHash, randomBytes } from 'node:crypto';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import {
  samlSigningKey,
  SamlAssertionSpec,
  tamperSamlResponse,
  TestSamlIdp,
} from '../libs/testing/src/saml-idp';
import {
  AWS_SAML_AUDIENCE as AWS_SAML,
  SAML_ROLE_ATTRIBUTE as ROLE_ATTR,
  SAML_SESSION_NAME_ATTRIBUTE as SESSION_ATTR,
  adminIamAndSts,
} from './support/iam-principals';
import { authorizeDeviceRequest } from './support/authorize';
import { e2eSystem } from './support/e2e-context';

const REGION = 'us-east-1';
const ACCOUNT = '000000000000';
const PERSISTENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';

/**
 * IAM SAML providers and STS AssumeRoleWithSAML with @aws-sdk/client-iam and @aws-sdk/client-sts
 * (ADR 0040), the assertions made and signed by samlify in the IdP role (libs/testing's
 * TestSamlIdp). Each behaviour as the AWS references state it: "AssumeRoleWithSAML ... does not
 * require the use of AWS security credentials"; the response carries Subject, SubjectType,
 * Issuer, Audience and NameQualifier ("a hash value based on the concatenation of the Issuer
 * response value, the AWS account ID, and the friendly name (the last part of the ARN) of the SAML
 * provider"); the Role attribute holds "role ARN, provider ARN" pairs and RoleSessionName is
 * required. Attacks: forged, unsigned, wrapped and altered assertions, expiry, another audience,
 * replay, a role not in the Role attribute, another account's provider, a deleted provider.
 */
describe('AssumeRoleWithSAML through the AWS SDK', () => {
  const system = e2eSystem();
  // AssumeRoleWithSAML is unsigned: the SDK sends it without a signature whatever the credentials.
  const { iam, sts } = adminIamAndSts(system, REGION);
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
  let providerArn: string;
  let roleArn: string;
  let otherRoleArn: string;

  beforeAll(async () => {
    const created = await iam.send(
      new CreateSAMLProviderCommand({
        Name: `corp-${unique()}`,
        SAMLMetadataDocument: idp.metadata(),
        Tags: [{ Key: 'team', Value: 'identity' }],
      }),
    );
    providerArn = created.SAMLProviderArn!;
    const trust = (sub?: string) =>
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Federated: providerArn },
            Action: 'sts:AssumeRoleWithSAML',
            Condition: {
              StringEquals: { 'SAML:aud': AWS_SAML, ...(sub ? { 'saml:sub': sub } : {}) },
            },
          },
        ],
      });
    const role = await iam.send(
      new CreateRoleCommand({ RoleName: `saml-readers-${unique()}`, AssumeRolePolicyDocument: trust() }),
    );
    roleArn = role.Role!.Arn!;
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: role.Role!.RoleName!,
        PolicyName: 'own-documents',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 'docs:GetDocument',
              Resource: 'arn:aws:docs:::document/${saml:sub}',
              Condition: { StringEquals: { 'saml:sub_type': 'persistent' } },
            },
          ],
        }),
      }),
    );
    const other = await iam.send(
      new CreateRoleCommand({
        RoleName: `saml-admins-${unique()}`,
        AssumeRolePolicyDocument: trust('root@corp.test'),
      }),
    );
    otherRoleArn = other.Role!.Arn!;
  });

  afterAll(() => {
    iam.destroy();
    sts.destroy();
  });

  function assertion(over: Partial<SamlAssertionSpec> = {}, signer = idp): Promise<string> {
    return signer.response({
      spEntityId: AWS_SAML,
      acsUrl: AWS_SAML,
      nameId: 'alice@corp.test',
      nameIdFormat: PERSISTENT,
      attributes: { [ROLE_ATTR]: [`${roleArn},${providerArn}`], [SESSION_ATTR]: 'alice' },
      ...over,
    });
  }

  const assume = (SAMLAssertion: string, over: { RoleArn?: string; PrincipalArn?: string } = {}) =>
    sts.send(
      new AssumeRoleWithSAMLCommand({ RoleArn: roleArn, PrincipalArn: providerArn, SAMLAssertion, ...over }),
    );

  /** The authorizer's decision for a session of the role (POST /authorize, admin-signed). */
  async function allowed(
    credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string },
    resource: string,
  ): Promise<boolean> {
    return (await authorizeDeviceRequest(credentials, { action: 'docs:GetDocument', resource, path: '/x' }))
      .allowed;
  }

  it('registers the provider and answers it in Get and List (IAM reference shapes)', async () => {
    const got = await iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: providerArn }));
    expect(got.SAMLMetadataDocument).toBe(idp.metadata());
    expect(got.SAMLProviderUUID).toMatch(/^[0-9a-f-]{36}$/);
    expect(got.CreateDate).toBeInstanceOf(Date);
    // No validUntil in the metadata: valid for a hundred years, as IAM answers.
    expect(got.ValidUntil!.getUTCFullYear()).toBe(new Date().getUTCFullYear() + 100);
    expect(got.Tags).toEqual([{ Key: 'team', Value: 'identity' }]);
    const { SAMLProviderList } = await iam.send(new ListSAMLProvidersCommand({}));
    expect(SAMLProviderList!.find((p) => p.Arn === providerArn)).toMatchObject({
      CreateDate: expect.any(Date),
    });
    expect(providerArn).toMatch(new RegExp(`^arn:aws:iam::${ACCOUNT}:saml-provider/corp-[0-9a-f]{8}$`));
  });

  it('refuses metadata without an IdP signing certificate, a taken name and an unknown ARN', async () => {
    const name = providerArn.split('/')[1];
    await expectAwsError(
      iam.send(new CreateSAMLProviderCommand({ Name: name, SAMLMetadataDocument: idp.metadata() })),
      'EntityAlreadyExistsException',
    );
    const noCert = idp.metadata().replace(/<(\w+:)?KeyDescriptor[\s\S]*?<\/(\w+:)?KeyDescriptor>/g, '');
    await expectAwsError(
      iam.send(
        new CreateSAMLProviderCommand({
          Name: `x-${unique()}`,
          SAMLMetadataDocument: noCert.padEnd(1000, ' '),
        }),
      ),
      'InvalidInputException',
    );
    await expectAwsError(
      iam.send(
        new CreateSAMLProviderCommand({
          Name: `x-${unique()}`,
          SAMLMetadataDocument: `<x>${'a'.repeat(1000)}</x>`,
        }),
      ),
      'InvalidInputException',
      'Could not parse metadata.',
    );
    await expectAwsError(
      iam.send(new CreateSAMLProviderCommand({ Name: `x-${unique()}`, SAMLMetadataDocument: 'short' })),
      'ValidationError',
    );
    await expectAwsError(
      iam.send(
        new GetSAMLProviderCommand({
          SAMLProviderArn: `arn:aws:iam::${ACCOUNT}:saml-provider/none-${unique()}`,
        }),
      ),
      'NoSuchEntityException',
    );
  });

  it('issues credentials for a signed assertion, unsigned, with the SAML answer members', async () => {
    const unsigned = new STSClient({
      region: REGION,
      endpoint: system.endpoint,
      credentials: { accessKeyId: 'ANONYMOUS', secretAccessKey: 'anonymous' },
      maxAttempts: 1,
    });
    try {
      const answer = await unsigned.send(
        new AssumeRoleWithSAMLCommand({
          RoleArn: roleArn,
          PrincipalArn: providerArn,
          SAMLAssertion: await assertion(),
        }),
      );
      const name = providerArn.split('/')[1];
      expect(answer).toMatchObject({
        Subject: 'alice@corp.test',
        SubjectType: 'persistent',
        Issuer: idp.entityId,
        Audience: AWS_SAML,
        NameQualifier: createHash('sha1').update(`${idp.entityId}${ACCOUNT}/${name}`).digest('base64'),
      });
      expect(answer.AssumedRoleUser!.Arn).toBe(
        `arn:aws:sts::${ACCOUNT}:assumed-role/${roleArn.split('/').pop()}/alice`,
      );
      const c = answer.Credentials!;
      expect(c.AccessKeyId).toMatch(/^ASIA/);
      const credentials = {
        accessKeyId: c.AccessKeyId!,
        secretAccessKey: c.SecretAccessKey!,
        sessionToken: c.SessionToken!,
      };
      const asSession = new STSClient({
        region: REGION,
        endpoint: system.endpoint,
        credentials,
        maxAttempts: 1,
      });
      try {
        const me = await asSession.send(new GetCallerIdentityCommand({}));
        expect(me.Arn).toBe(answer.AssumedRoleUser!.Arn);
      } finally {
        asSession.destroy();
      }
      // ${saml:sub} and saml:sub_type reach the role's policies.
      expect(await allowed(credentials, 'arn:aws:docs:::document/alice@corp.test')).toBe(true);
      expect(await allowed(credentials, 'arn:aws:docs:::document/bob@corp.test')).toBe(false);
    } finally {
      unsigned.destroy();
    }
  });

  it('refuses an assertion a second time (replay), however it is presented', async () => {
    const a = await assertion();
    await assume(a);
    await expectAwsError(assume(a), 'InvalidIdentityTokenException', /already been used/);
  });

  it('refuses forged, unsigned, wrapped and altered assertions', async () => {
    await expectAwsError(
      assume(await assertion({}, impostor)),
      'InvalidIdentityTokenException',
      'Response signature invalid',
    );
    await expectAwsError(assume(await assertion({ unsigned: true })), 'InvalidIdentityTokenException');
    // Altered after signing: another subject, and the admin role added to the Role attribute.
    await expectAwsError(
      assume(tamperSamlResponse(await assertion(), 'alice@corp.test', 'root@corp.test'), {
        RoleArn: otherRoleArn,
      }),
      'InvalidIdentityTokenException',
    );
    await expectAwsError(
      assume(tamperSamlResponse(await assertion(), `${roleArn},`, `${otherRoleArn},`), {
        RoleArn: otherRoleArn,
      }),
      'InvalidIdentityTokenException',
    );
    // Signature wrapping: the signed assertion kept, an unsigned one naming root put before it.
    const signed = Buffer.from(await assertion(), 'base64').toString('utf8');
    const original = /<saml:Assertion[\s\S]*<\/saml:Assertion>/.exec(signed)![0];
    const evil = original
      .replace(/<ds:Signature[\s\S]*?<\/ds:Signature>/, '')
      .replace(/ID="[^"]+"/, 'ID="_evil"')
      .replace('alice@corp.test', 'root@corp.test')
      .replace(`${roleArn},`, `${otherRoleArn},`);
    const wrapped = Buffer.from(signed.replace(original, evil + original)).toString('base64');
    await expectAwsError(assume(wrapped, { RoleArn: otherRoleArn }), 'InvalidIdentityTokenException');
    const wrappedInside = Buffer.from(
      signed.replace(original, evil.replace('</saml:Assertion>', `${original}</saml:Assertion>`)),
    ).toString('base64');
    await expectAwsError(assume(wrappedInside, { RoleArn: otherRoleArn }), 'InvalidIdentityTokenException');
  });

  it('refuses an expired assertion, another audience or recipient', async () => {
    const past = Date.now() - 10 * 60_000;
    await expectAwsError(
      assume(await assertion({ notBefore: new Date(past - 60_000), notOnOrAfter: new Date(past) })),
      'ExpiredTokenException',
    );
    await expectAwsError(
      assume(await assertion({ audience: 'urn:amazon:cognito:sp:us-east-1_x' })),
      'InvalidIdentityTokenException',
    );
    await expectAwsError(
      assume(await assertion({ recipient: 'https://evil.example/saml' })),
      'InvalidIdentityTokenException',
    );
    await expectAwsError(
      assume(await assertion({ destination: 'https://evil.example/saml' })),
      'InvalidIdentityTokenException',
    );
  });

  it('refuses a role not in the Role attribute, a trust policy not met, another account', async () => {
    await expectAwsError(
      assume(await assertion(), { RoleArn: otherRoleArn }),
      'AccessDenied',
      'Not authorized to perform sts:AssumeRoleWithSAML',
    );
    // Named in the Role attribute, but its trust policy wants saml:sub root@corp.test.
    await expectAwsError(
      assume(
        await assertion({
          attributes: {
            [ROLE_ATTR]: [`${roleArn},${providerArn}`, `${otherRoleArn},${providerArn}`],
            [SESSION_ATTR]: 'alice',
          },
        }),
        {
          RoleArn: otherRoleArn,
        },
      ),
      'AccessDenied',
    );
    const foreign = providerArn.replace(ACCOUNT, '111111111111');
    await expectAwsError(
      assume(
        await assertion({ attributes: { [ROLE_ATTR]: `${roleArn},${foreign}`, [SESSION_ATTR]: 'alice' } }),
        { PrincipalArn: foreign },
      ),
      'InvalidIdentityTokenException',
      "Specified provider doesn't exist",
    );
    await expectAwsError(
      assume(await assertion({ attributes: { [ROLE_ATTR]: `${roleArn},${providerArn}` } })),
      'InvalidIdentityTokenException',
      'RoleSessionName is required in AuthnResponse',
    );
  });

  it('checks assertions against the new certificate after UpdateSAMLProvider, and none after DeleteSAMLProvider', async () => {
    const name = `rotating-${unique()}`;
    const first = new TestSamlIdp(
      `https://rot-${unique()}.corp.test/metadata`,
      'https://idp.corp.test/sso',
      samlSigningKey(),
      'post',
    );
    const second = new TestSamlIdp(
      first.entityId,
      'https://idp.corp.test/sso',
      samlSigningKey('rotated'),
      'post',
    );
    const { SAMLProviderArn } = await iam.send(
      new CreateSAMLProviderCommand({ Name: name, SAMLMetadataDocument: first.metadata() }),
    );
    const role = await iam.send(
      new CreateRoleCommand({
        RoleName: `saml-rot-${unique()}`,
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { Federated: SAMLProviderArn }, Action: 'sts:AssumeRoleWithSAML' },
          ],
        }),
      }),
    );
    const spec = {
      attributes: { [ROLE_ATTR]: `${SAMLProviderArn},${role.Role!.Arn}`, [SESSION_ATTR]: 'rot' },
    };
    const go = async (signer: TestSamlIdp) =>
      assume(await assertion(spec, signer), { RoleArn: role.Role!.Arn, PrincipalArn: SAMLProviderArn });
    await go(first);
    await expectAwsError(go(second), 'InvalidIdentityTokenException');
    const updated = await iam.send(
      new UpdateSAMLProviderCommand({ SAMLProviderArn, SAMLMetadataDocument: second.metadata() }),
    );
    expect(updated.SAMLProviderArn).toBe(SAMLProviderArn);
    await go(second);
    await expectAwsError(go(first), 'InvalidIdentityTokenException');
    const pending = await assertion(spec, second);
    await iam.send(new DeleteSAMLProviderCommand({ SAMLProviderArn }));
    await expectAwsError(
      assume(pending, { RoleArn: role.Role!.Arn, PrincipalArn: SAMLProviderArn }),
      'InvalidIdentityTokenException',
      "Specified provider doesn't exist",
    );
    await expectAwsError(iam.send(new GetSAMLProviderCommand({ SAMLProviderArn })), 'NoSuchEntityException');
    await expectAwsError(
      iam.send(new DeleteSAMLProviderCommand({ SAMLProviderArn })),
      'NoSuchEntityException',
    );
  });

  it('refuses the IAM operations without the admin signature', async () => {
    const anonymous = new IAMClient({
      region: REGION,
      endpoint: system.endpoint,
      credentials: { accessKeyId: 'AKIAFORGED0000000000', secretAccessKey: 'forged' },
      maxAttempts: 1,
    });
    try {
      await expectAwsError(
        anonymous.send(
          new CreateSAMLProviderCommand({ Name: `f-${unique()}`, SAMLMetadataDocument: idp.metadata() }),
        ),
        'InvalidClientTokenId',
      );
    } finally {
      anonymous.destroy();
    }
  });
});
