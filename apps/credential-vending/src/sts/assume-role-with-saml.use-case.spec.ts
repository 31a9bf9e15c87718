import { CommandMeta } from '@idfed/contracts';
import { samlSigningKey, tamperSamlResponse, TestSamlIdp } from '../../../../libs/testing/src/saml-idp';
import { IamArns } from '../common/arns';
import { SamlProviderEntity } from '../database/entities';
import { ManagedPolicyLookup } from '../policies/managed-policy.lookup';
import { RoleLookup } from '../roles/role.lookup';
import { parseSamlMetadata } from '../saml-providers/saml-metadata';
import { SamlProviderLookup } from '../saml-providers/saml-provider.lookup';
import { SamlProvidersRepository } from '../saml-providers/saml-providers.repository';
import { AssumeRoleWithSAMLUseCase, nameQualifier, SAML_ATTRIBUTES } from './assume-role-with-saml.use-case';
import { SessionIssuer } from './session-issuer';

const ACCOUNT = '123456789012';
const arns = new IamArns(ACCOUNT);
const PROVIDER = arns.samlProvider('Corp');
const ROLE = arns.role('/', 'saml-readers');
const AWS_SAML = 'https://signin.aws.amazon.com/saml';
const meta: CommandMeta = { requestId: 'req-1', caller: { kind: 'public' } } as unknown as CommandMeta;

const idp = new TestSamlIdp(
  'https://idp.corp.test/metadata',
  'https://idp.corp.test/sso',
  samlSigningKey(),
  'post',
);
const otherIdp = new TestSamlIdp(
  'https://idp.corp.test/metadata',
  'https://idp.corp.test/sso',
  samlSigningKey('other'),
  'post',
);

function trust(condition?: Record<string, Record<string, string>>) {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: PROVIDER },
        Action: 'sts:AssumeRoleWithSAML',
        Condition: condition ?? { StringEquals: { 'SAML:aud': AWS_SAML } },
      },
    ],
  });
}

function providerEntity(): SamlProviderEntity {
  const facts = parseSamlMetadata(idp.metadata().padEnd(1000, ' '), Date.now());
  return {
    arn: PROVIDER,
    name: 'Corp',
    providerUuid: '00000000-0000-4000-8000-000000000000',
    metadataDocument: idp.metadata(),
    ...facts,
    tags: [],
    assertionEncryptionMode: null,
    privateKeys: [],
    createdAt: new Date(),
    updatedAt: new Date(),
  };
}

function setUp(trustPolicy = trust()) {
  const used = new Set<string>();
  const repository = {
    recordAssertion: jest.fn(async (p: string, id: string) => {
      const key = `${p} ${id}`;
      if (used.has(key)) return 'replayed';
      used.add(key);
      return 'recorded';
    }),
  };
  const provider = providerEntity();
  const providers = {
    find: jest.fn(async (arn: string) => (arn === PROVIDER ? provider : undefined)),
    decryptionOf: () => undefined,
  };
  const roles = {
    findByArn: jest.fn(async (arn: string) =>
      arn === ROLE
        ? {
            arn: ROLE,
            roleId: 'AROAEXAMPLE',
            name: 'saml-readers',
            assumeRolePolicy: trustPolicy,
            maxSessionDuration: 3600,
            tags: [],
          }
        : undefined,
    ),
  };
  const issuer = {
    issue: jest.fn(async () => ({
      Credentials: { AccessKeyId: 'ASIA', SecretAccessKey: 's', SessionToken: 't', Expiration: 'x' },
      AssumedRoleUser: { AssumedRoleId: 'AROAEXAMPLE:alice', Arn: 'arn' },
    })),
  };
  const useCase = new AssumeRoleWithSAMLUseCase(
    roles as unknown as RoleLookup,
    { documents: jest.fn() } as unknown as ManagedPolicyLookup,
    providers as unknown as SamlProviderLookup,
    repository as unknown as SamlProvidersRepository,
    issuer as unknown as SessionIssuer,
    arns,
  );
  return { useCase, issuer, repository, provider };
}

const attrs = (extra: Record<string, string | string[]> = {}) => ({
  [SAML_ATTRIBUTES.role]: [`${ROLE},${PROVIDER}`],
  [SAML_ATTRIBUTES.roleSessionName]: 'alice',
  ...extra,
});

function assertion(over: Partial<Parameters<TestSamlIdp['response']>[0]> = {}, signer = idp) {
  return signer.response({
    spEntityId: AWS_SAML,
    acsUrl: AWS_SAML,
    nameId: 'alice@corp.test',
    nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
    attributes: attrs(),
    ...over,
  });
}

const call = (useCase: AssumeRoleWithSAMLUseCase, SAMLAssertion: string, extra: object = {}) =>
  useCase.execute({ RoleArn: ROLE, PrincipalArn: PROVIDER, SAMLAssertion, ...extra }, meta);

describe('AssumeRoleWithSAML', () => {
  it('issues a session for a signed assertion naming the role, with the saml: keys', async () => {
    const { useCase, issuer } = setUp();
    const answer = await call(useCase, await assertion());
    const qualifier = nameQualifier('https://idp.corp.test/metadata', ACCOUNT, 'Corp');
    expect(answer).toMatchObject({
      Subject: 'alice@corp.test',
      SubjectType: 'persistent',
      Issuer: 'https://idp.corp.test/metadata',
      Audience: AWS_SAML,
      NameQualifier: qualifier,
    });
    expect(issuer.issue).toHaveBeenCalledWith(
      expect.objectContaining({
        operation: 'AssumeRoleWithSAML',
        sessionName: 'alice',
        provider: PROVIDER,
        durationSeconds: 3600,
        webIdentity: {
          keyPrefix: 'saml',
          claims: {
            aud: AWS_SAML,
            sub: 'alice@corp.test',
            sub_type: 'persistent',
            iss: 'https://idp.corp.test/metadata',
            namequalifier: qualifier,
            doc: `${ACCOUNT}/Corp`,
          },
        },
      }),
    );
  });

  it('evaluates the trust policy with saml:sub and refuses another subject', async () => {
    const { useCase } = setUp(trust({ StringEquals: { 'saml:sub': 'bob@corp.test' } }));
    await expect(call(useCase, await assertion())).rejects.toMatchObject({ errorName: 'AccessDenied' });
  });

  it('refuses the same assertion twice', async () => {
    const { useCase } = setUp();
    const a = await assertion();
    await call(useCase, a);
    await expect(call(useCase, a)).rejects.toMatchObject({ errorName: 'InvalidIdentityToken' });
  });

  it('refuses an assertion signed by another key, unsigned, or altered after signing', async () => {
    const { useCase, issuer } = setUp();
    await expect(call(useCase, await assertion({}, otherIdp))).rejects.toMatchObject({
      errorName: 'InvalidIdentityToken',
      message: 'Response signature invalid',
    });
    await expect(call(useCase, await assertion({ unsigned: true }))).rejects.toMatchObject({
      errorName: 'InvalidIdentityToken',
    });
    const altered = tamperSamlResponse(await assertion(), 'alice@corp.test', 'admin@corp.test');
    await expect(call(useCase, altered)).rejects.toMatchObject({ errorName: 'InvalidIdentityToken' });
    expect(issuer.issue).not.toHaveBeenCalled();
  });

  it('refuses a wrong audience, a wrong recipient and an expired assertion', async () => {
    const { useCase } = setUp();
    await expect(
      call(useCase, await assertion({ audience: 'urn:amazon:cognito:sp:x' })),
    ).rejects.toMatchObject({
      errorName: 'InvalidIdentityToken',
    });
    await expect(
      call(useCase, await assertion({ recipient: 'https://evil.test/saml' })),
    ).rejects.toMatchObject({
      errorName: 'InvalidIdentityToken',
    });
    const past = new Date(Date.now() - 10 * 60_000);
    await expect(
      call(useCase, await assertion({ notBefore: new Date(past.getTime() - 60_000), notOnOrAfter: past })),
    ).rejects.toMatchObject({ errorName: 'ExpiredTokenException' });
  });

  it('refuses a role the Role attribute does not name, and an unknown provider', async () => {
    const { useCase } = setUp();
    const other = arns.role('/', 'admins');
    await expect(call(useCase, await assertion(), { RoleArn: other })).rejects.toMatchObject({
      errorName: 'AccessDenied',
    });
    await expect(
      call(useCase, await assertion(), { PrincipalArn: 'arn:aws:iam::999999999999:saml-provider/Corp' }),
    ).rejects.toMatchObject({
      errorName: 'InvalidIdentityToken',
      message: "Specified provider doesn't exist",
    });
  });

  it('requires RoleSessionName and shortens the session to SessionDuration', async () => {
    const { useCase, issuer } = setUp();
    await expect(
      call(useCase, await assertion({ attributes: { [SAML_ATTRIBUTES.role]: `${ROLE},${PROVIDER}` } })),
    ).rejects.toMatchObject({
      errorName: 'InvalidIdentityToken',
      message: 'RoleSessionName is required in AuthnResponse',
    });
    await call(useCase, await assertion({ attributes: attrs({ [SAML_ATTRIBUTES.sessionDuration]: '900' }) }));
    expect(issuer.issue).toHaveBeenCalledWith(expect.objectContaining({ durationSeconds: 900 }));
  });
});
