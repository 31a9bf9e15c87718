import {
  CreateRoleCommand,
  CreateSAMLProviderCommand,
  GetSAMLProviderCommand,
  UpdateSAMLProviderCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleWithSAMLCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { randomBytes } from 'node:crypto';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { samlSigningKey, SamlAssertionSpec, TestSamlIdp } from '../libs/testing/src/saml-idp';
import {
  AWS_SAML_AUDIENCE as AWS_SAML,
  SAML_ROLE_ATTRIBUTE as ROLE_ATTR,
  SAML_SESSION_NAME_ATTRIBUTE as SESSION_ATTR,
  adminIamAndSts,
} from './support/iam-principals';
import { e2eSystem } from './support/e2e-context';

const REGION = 'us-east-1';

/**
 * Encrypted SAML assertions for IAM SAML providers (ADR 0055) with @aws-sdk/client-iam and
 * @aws-sdk/client-sts, samlify as the IdP encrypting to the provider's keys. As the IAM API
 * reference states: CreateSAMLProvider and UpdateSAMLProvider take `AssertionEncryptionMode`
 * ("Specifies the encryption setting for the SAML provider": `Required` or `Allowed`) and
 * `AddPrivateKey` ("The private key must be a .pem file ... to decrypt SAML assertions");
 * UpdateSAMLProvider takes `RemovePrivateKey` ("The Key ID of the private key to remove");
 * GetSAMLProvider answers `AssertionEncryptionMode` and `PrivateKeyList` (KeyId, Timestamp).
 * Attacks: a plain assertion where encryption is Required, an assertion encrypted to a key the
 * provider does not hold (or no longer holds), a replayed encrypted assertion.
 */
describe('AssumeRoleWithSAML with encrypted assertions through the AWS SDK', () => {
  const system = e2eSystem();
  const { iam, sts } = adminIamAndSts(system, REGION);
  const unique = () => randomBytes(4).toString('hex');
  const idp = new TestSamlIdp(
    `https://idp-${unique()}.corp.test/metadata`,
    'https://idp.corp.test/sso',
    samlSigningKey(),
    'post',
  );
  const first = samlSigningKey('aws-sp-first');
  const second = samlSigningKey('aws-sp-second');
  const stranger = samlSigningKey('stranger');

  afterAll(() => {
    iam.destroy();
    sts.destroy();
  });

  async function providerWithRole(over: {
    AssertionEncryptionMode?: 'Required' | 'Allowed';
    AddPrivateKey?: string;
  }) {
    const { SAMLProviderArn } = await iam.send(
      new CreateSAMLProviderCommand({
        Name: `enc-${unique()}`,
        SAMLMetadataDocument: idp.metadata(),
        ...over,
      }),
    );
    const role = await iam.send(
      new CreateRoleCommand({
        RoleName: `saml-enc-${unique()}`,
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Federated: SAMLProviderArn },
              Action: 'sts:AssumeRoleWithSAML',
              Condition: { StringEquals: { 'SAML:aud': AWS_SAML } },
            },
          ],
        }),
      }),
    );
    const roleArn = role.Role!.Arn!;
    const providerArn = SAMLProviderArn!;
    const assertion = (over: Partial<SamlAssertionSpec> = {}) =>
      idp.response({
        spEntityId: AWS_SAML,
        acsUrl: AWS_SAML,
        nameId: 'alice@corp.test',
        attributes: { [ROLE_ATTR]: [`${roleArn},${providerArn}`], [SESSION_ATTR]: 'alice' },
        ...over,
      });
    const assume = (SAMLAssertion: string) =>
      sts.send(new AssumeRoleWithSAMLCommand({ RoleArn: roleArn, PrincipalArn: providerArn, SAMLAssertion }));
    return { providerArn, roleArn, assertion, assume };
  }

  it('decrypts an assertion encrypted to the provider key; refuses plain, foreign-key and replayed ones', async () => {
    const p = await providerWithRole({
      AssertionEncryptionMode: 'Required',
      AddPrivateKey: first.privateKey,
    });
    const got = await iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: p.providerArn }));
    expect(got.AssertionEncryptionMode).toBe('Required');
    expect(got.PrivateKeyList).toEqual([
      { KeyId: expect.stringMatching(/^[A-Z0-9]{22,64}$/), Timestamp: expect.any(Date) },
    ]);
    expect(JSON.stringify(got)).not.toContain('PRIVATE KEY');

    const encrypted = await p.assertion({ encryptTo: first.certificate });
    expect(Buffer.from(encrypted, 'base64').toString()).toContain('EncryptedAssertion');
    const session = await p.assume(encrypted);
    expect(session.Subject).toBe('alice@corp.test');
    const caller = new STSClient({
      region: REGION,
      endpoint: system.endpoint,
      maxAttempts: 1,
      credentials: {
        accessKeyId: session.Credentials!.AccessKeyId!,
        secretAccessKey: session.Credentials!.SecretAccessKey!,
        sessionToken: session.Credentials!.SessionToken!,
      },
    });
    const identity = await caller.send(new GetCallerIdentityCommand({}));
    caller.destroy();
    expect(identity.Arn).toContain(':assumed-role/');

    await expectAwsError(p.assume(encrypted), 'InvalidIdentityTokenException');
    await expectAwsError(p.assume(await p.assertion()), 'InvalidIdentityTokenException');
    await expectAwsError(
      p.assume(await p.assertion({ encryptTo: stranger.certificate })),
      'InvalidIdentityTokenException',
    );
  });

  it('rotates keys with UpdateSAMLProvider: add, remove, and Allowed takes plain assertions too', async () => {
    const p = await providerWithRole({
      AssertionEncryptionMode: 'Required',
      AddPrivateKey: first.privateKey,
    });
    await iam.send(
      new UpdateSAMLProviderCommand({ SAMLProviderArn: p.providerArn, AddPrivateKey: second.privateKey }),
    );
    const both = await iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: p.providerArn }));
    expect(both.PrivateKeyList).toHaveLength(2);
    await p.assume(await p.assertion({ encryptTo: second.certificate }));
    await p.assume(await p.assertion({ encryptTo: first.certificate }));

    const firstId = both.PrivateKeyList![0].KeyId!;
    await iam.send(
      new UpdateSAMLProviderCommand({ SAMLProviderArn: p.providerArn, RemovePrivateKey: firstId }),
    );
    const after = await iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: p.providerArn }));
    expect(after.PrivateKeyList!.map((k) => k.KeyId)).toEqual([both.PrivateKeyList![1].KeyId]);
    await expectAwsError(
      p.assume(await p.assertion({ encryptTo: first.certificate })),
      'InvalidIdentityTokenException',
    );
    await expectAwsError(p.assume(await p.assertion()), 'InvalidIdentityTokenException');

    await iam.send(
      new UpdateSAMLProviderCommand({ SAMLProviderArn: p.providerArn, AssertionEncryptionMode: 'Allowed' }),
    );
    await p.assume(await p.assertion());
    await p.assume(await p.assertion({ encryptTo: second.certificate }));
  });

  it('refuses bad encryption settings with IAM errors and writes nothing', async () => {
    const name = `enc-bad-${unique()}`;
    await expectAwsError(
      iam.send(
        new CreateSAMLProviderCommand({
          Name: name,
          SAMLMetadataDocument: idp.metadata(),
          AssertionEncryptionMode: 'Required',
        }),
      ),
      'InvalidInputException',
    );
    await expectAwsError(
      iam.send(
        new CreateSAMLProviderCommand({
          Name: name,
          SAMLMetadataDocument: idp.metadata(),
          AddPrivateKey: 'not a pem key at all',
        }),
      ),
      'InvalidInputException',
    );
    await expectAwsError(
      iam.send(
        new CreateSAMLProviderCommand({
          Name: name,
          SAMLMetadataDocument: idp.metadata(),
          AssertionEncryptionMode: 'Sometimes' as 'Allowed',
        }),
      ),
      'ValidationError',
    );
    const p = await providerWithRole({ AddPrivateKey: first.privateKey });
    const arn = p.providerArn;
    await iam.send(new UpdateSAMLProviderCommand({ SAMLProviderArn: arn, AddPrivateKey: second.privateKey }));
    await expectAwsError(
      iam.send(new UpdateSAMLProviderCommand({ SAMLProviderArn: arn, AddPrivateKey: stranger.privateKey })),
      'LimitExceededException',
      // IAM's LimitExceeded is sent with 409 (botocore's iam service-2.json), Cognito's with 400.
      { status: 409 },
    );
    await expectAwsError(
      iam.send(new UpdateSAMLProviderCommand({ SAMLProviderArn: arn, RemovePrivateKey: 'A'.repeat(26) })),
      'InvalidInputException',
    );
    await expectAwsError(
      iam.send(new UpdateSAMLProviderCommand({ SAMLProviderArn: arn })),
      'InvalidInputException',
    );
    const got = await iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: arn }));
    expect(got.PrivateKeyList).toHaveLength(2);
    expect(got.AssertionEncryptionMode).toBeUndefined();
    // The name of the refused creations stays free.
    await iam.send(new CreateSAMLProviderCommand({ Name: name, SAMLMetadataDocument: idp.metadata() }));
  });
});
