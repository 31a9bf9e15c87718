import { samlSigningKey, tamperSamlResponse, TestSamlIdp } from '../../../../libs/testing/src/saml-idp';
import { IamArns } from '../common/arns';
import { SamlProviderEntity } from '../database/entities';
import { SAML_ATTRIBUTES } from '../sts/assume-role-with-saml.use-case';
import { parseSamlMetadata } from './saml-metadata';
import { SamlProviderLookup } from './saml-provider.lookup';
import { SamlProvidersRepository } from './saml-providers.repository';
import { VerifySamlLoginUseCase } from './verify-saml-login.use-case';

const arns = new IamArns('123456789012');
const PROVIDER = arns.samlProvider('Corp');
const ROLE = arns.role('/', 'readers');
const OTHER_ROLE = arns.role('/', 'editors');
const AWS_SAML = 'https://signin.aws.amazon.com/saml';
const POOL = 'cognito-identity:us-east-1:00000000-0000-4000-8000-000000000001';
const OTHER_POOL = 'cognito-identity:us-east-1:00000000-0000-4000-8000-000000000002';

const idp = new TestSamlIdp(
  'https://idp.corp.test/metadata',
  'https://idp.corp.test/sso',
  samlSigningKey(),
  'post',
);
const impostor = new TestSamlIdp(
  'https://idp.corp.test/metadata',
  'https://idp.corp.test/sso',
  samlSigningKey('impostor'),
  'post',
);

function setUp() {
  // Mirrors the repository's rule (its int spec runs it on PostgreSQL): first consumer keeps it.
  const used = new Map<string, string>();
  const repository = {
    recordAssertion: jest.fn(async (p: string, id: string, _until: Date, consumer: string) => {
      const earlier = used.get(`${p} ${id}`);
      if (earlier === undefined) {
        used.set(`${p} ${id}`, consumer);
        return 'recorded';
      }
      return earlier === consumer && consumer !== 'sts' ? 'recorded' : 'replayed';
    }),
  };
  const facts = parseSamlMetadata(idp.metadata().padEnd(1000, ' '), Date.now());
  const provider: SamlProviderEntity = {
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
  const providers = {
    find: jest.fn(async (arn: string) => (arn === PROVIDER ? provider : undefined)),
    decryptionOf: () => undefined,
  };
  const useCase = new VerifySamlLoginUseCase(
    providers as unknown as SamlProviderLookup,
    repository as unknown as SamlProvidersRepository,
  );
  return { useCase, repository };
}

function assertion(over: Partial<Parameters<TestSamlIdp['response']>[0]> = {}, signer = idp) {
  return signer.response({
    spEntityId: AWS_SAML,
    acsUrl: AWS_SAML,
    nameId: 'alice@corp.test',
    nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
    attributes: {
      [SAML_ATTRIBUTES.role]: [
        `${ROLE},${PROVIDER}`,
        `${PROVIDER},${OTHER_ROLE}`,
        `${ROLE},arn:aws:iam::1:saml-provider/X`,
      ],
      department: 'finance',
    },
    ...over,
  });
}

describe('VerifySamlLoginUseCase (identity pool SAML logins)', () => {
  it('answers the NameID, the attributes and the roles the Role attribute pairs with this provider', async () => {
    const { useCase } = setUp();
    const result = await useCase.execute({
      SAMLResponse: await assertion(),
      ProviderArn: PROVIDER,
      Consumer: POOL,
    });
    expect(result.subject).toBe('alice@corp.test');
    expect(result.issuer).toBe('https://idp.corp.test/metadata');
    expect(result.roles).toEqual([ROLE, OTHER_ROLE]);
    expect(result.attributes.department).toEqual(['finance']);
  });

  it('lets the accepting pool see the assertion again, but not another pool or STS', async () => {
    const { useCase, repository } = setUp();
    const response = await assertion();
    await useCase.execute({ SAMLResponse: response, ProviderArn: PROVIDER, Consumer: POOL });
    await expect(
      useCase.execute({ SAMLResponse: response, ProviderArn: PROVIDER, Consumer: POOL }),
    ).resolves.toBeDefined();
    await expect(
      useCase.execute({ SAMLResponse: response, ProviderArn: PROVIDER, Consumer: OTHER_POOL }),
    ).rejects.toMatchObject({ errorName: 'InvalidIdentityToken' });
    expect(repository.recordAssertion).toHaveBeenLastCalledWith(
      PROVIDER,
      expect.any(String),
      expect.any(Date),
      OTHER_POOL,
    );
  });

  it('refuses forged, altered and expired assertions and unknown providers', async () => {
    const { useCase, repository } = setUp();
    const run = (SAMLResponse: string, ProviderArn = PROVIDER) =>
      useCase.execute({ SAMLResponse, ProviderArn, Consumer: POOL });
    await expect(run(await assertion({}, impostor))).rejects.toMatchObject({
      errorName: 'InvalidIdentityToken',
    });
    await expect(
      run(tamperSamlResponse(await assertion(), 'alice@corp.test', 'root@corp.test')),
    ).rejects.toMatchObject({
      errorName: 'InvalidIdentityToken',
    });
    const past = Date.now() - 3_600_000;
    await expect(
      run(await assertion({ notBefore: new Date(past - 60_000), notOnOrAfter: new Date(past) })),
    ).rejects.toMatchObject({ errorName: 'ExpiredTokenException' });
    await expect(run(await assertion(), arns.samlProvider('Other'))).rejects.toMatchObject({
      errorName: 'InvalidIdentityToken',
    });
    expect(repository.recordAssertion).not.toHaveBeenCalled();
  });

  it('refuses a Consumer that is not an identity pool', async () => {
    const { useCase } = setUp();
    await expect(
      useCase.execute({ SAMLResponse: await assertion(), ProviderArn: PROVIDER, Consumer: 'sts' }),
    ).rejects.toMatchObject({ errorName: 'ValidationError' });
  });
});
