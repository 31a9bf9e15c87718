import { CommandMeta } from '@idfed/contracts';
import { samlSigningKey, TestSamlIdp } from '../../../../libs/testing/src/saml-idp';
import { IamArns } from '../common/arns';
import { ManagedPolicyLookup } from '../policies/managed-policy.lookup';
import { RoleLookup } from '../roles/role.lookup';
import { parseSamlMetadata } from '../saml-providers/saml-metadata';
import { SamlProviderLookup } from '../saml-providers/saml-provider.lookup';
import { SamlProvidersRepository } from '../saml-providers/saml-providers.repository';
import { AssumeRoleWithSAMLUseCase, SAML_ATTRIBUTES } from './assume-role-with-saml.use-case';
import { SAML_PRINCIPAL_TAG_PREFIX, SAML_TRANSITIVE_TAG_KEYS } from './saml-session-tags';
import { SessionIssuer } from './session-issuer';

const arns = new IamArns('123456789012');
const PROVIDER = arns.samlProvider('Corp');
const ROLE = arns.role('/', 'saml-tagged');
const AWS_SAML = 'https://signin.aws.amazon.com/saml';
const meta = { requestId: 'req-1', caller: { kind: 'public' } } as unknown as CommandMeta;
const idp = new TestSamlIdp('https://idp.tags.test', 'https://idp.tags.test/sso', samlSigningKey(), 'post');

/** A trust policy allowing AssumeRoleWithSAML, and sts:TagSession when `tagSession` (with a condition). */
function trust(tagSession: boolean, tagCondition?: Record<string, Record<string, string>>) {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: PROVIDER },
        Action: 'sts:AssumeRoleWithSAML',
        Condition: { StringEquals: { 'SAML:aud': AWS_SAML } },
      },
      ...(tagSession
        ? [
            {
              Effect: 'Allow',
              Principal: { Federated: PROVIDER },
              Action: 'sts:TagSession',
              ...(tagCondition ? { Condition: tagCondition } : {}),
            },
          ]
        : []),
    ],
  });
}

function setUp(trustPolicy: string) {
  const used = new Set<string>();
  const repository = {
    recordAssertion: jest.fn(async (_p: string, id: string) =>
      used.has(id) ? 'replayed' : (used.add(id), 'recorded'),
    ),
  };
  const provider = {
    arn: PROVIDER,
    name: 'Corp',
    providerUuid: '00000000-0000-4000-8000-000000000000',
    metadataDocument: idp.metadata(),
    ...parseSamlMetadata(idp.metadata().padEnd(1000, ' '), Date.now()),
    tags: [],
    assertionEncryptionMode: null,
    privateKeys: [],
    createdAt: new Date(),
    updatedAt: new Date(),
  };
  const roles = {
    findByArn: jest.fn(async (arn: string) =>
      arn === ROLE
        ? {
            arn: ROLE,
            roleId: 'AROATAGGED',
            name: 'saml-tagged',
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
      AssumedRoleUser: { AssumedRoleId: 'AROATAGGED:alice', Arn: 'arn' },
    })),
  };
  const useCase = new AssumeRoleWithSAMLUseCase(
    roles as unknown as RoleLookup,
    { documents: jest.fn() } as unknown as ManagedPolicyLookup,
    {
      find: jest.fn(async (arn: string) => (arn === PROVIDER ? provider : undefined)),
      decryptionOf: () => undefined,
    } as unknown as SamlProviderLookup,
    repository as unknown as SamlProvidersRepository,
    issuer as unknown as SessionIssuer,
    arns,
  );
  return { useCase, issuer, repository };
}

const tagged = (extra: Record<string, string | string[]>) =>
  idp.response({
    spEntityId: AWS_SAML,
    acsUrl: AWS_SAML,
    nameId: 'alice@corp.test',
    attributes: {
      [SAML_ATTRIBUTES.role]: [`${ROLE},${PROVIDER}`],
      [SAML_ATTRIBUTES.roleSessionName]: 'alice',
      ...extra,
    },
  });

const call = (useCase: AssumeRoleWithSAMLUseCase, SAMLAssertion: string) =>
  useCase.execute({ RoleArn: ROLE, PrincipalArn: PROVIDER, SAMLAssertion }, meta);

describe('AssumeRoleWithSAML session tags from the assertion', () => {
  it('carries PrincipalTag attributes and TransitiveTagKeys into the session', async () => {
    const { useCase, issuer } = setUp(trust(true));
    await call(
      useCase,
      await tagged({
        [`${SAML_PRINCIPAL_TAG_PREFIX}Project`]: 'blue',
        [`${SAML_PRINCIPAL_TAG_PREFIX}CostCenter`]: '42',
        [SAML_TRANSITIVE_TAG_KEYS]: ['Project'],
      }),
    );
    expect(issuer.issue).toHaveBeenCalledWith(
      expect.objectContaining({
        sessionTags: [
          { Key: 'Project', Value: 'blue' },
          { Key: 'CostCenter', Value: '42' },
        ],
        transitiveTagKeys: ['Project'],
      }),
    );
  });

  it('refuses tags when the trust policy does not allow sts:TagSession, and records nothing', async () => {
    const { useCase, issuer, repository } = setUp(trust(false));
    await expect(
      call(useCase, await tagged({ [`${SAML_PRINCIPAL_TAG_PREFIX}Project`]: 'blue' })),
    ).rejects.toMatchObject({
      errorName: 'AccessDenied',
      message: 'Not authorized to perform sts:TagSession',
    });
    expect(issuer.issue).not.toHaveBeenCalled();
    expect(repository.recordAssertion).not.toHaveBeenCalled();
  });

  it('checks aws:RequestTag in the sts:TagSession statement', async () => {
    const { useCase } = setUp(trust(true, { StringEquals: { 'aws:RequestTag/Project': 'blue' } }));
    await expect(
      call(useCase, await tagged({ [`${SAML_PRINCIPAL_TAG_PREFIX}Project`]: 'red' })),
    ).rejects.toMatchObject({ errorName: 'AccessDenied' });
    await expect(
      call(useCase, await tagged({ [`${SAML_PRINCIPAL_TAG_PREFIX}Project`]: 'blue' })),
    ).resolves.toBeDefined();
  });

  it('needs no sts:TagSession for an assertion without tags', async () => {
    const { useCase, issuer } = setUp(trust(false));
    await call(useCase, await tagged({}));
    expect(issuer.issue).toHaveBeenCalledWith(
      expect.objectContaining({ sessionTags: [], transitiveTagKeys: [] }),
    );
  });

  it('refuses a tag with two values, a transitive key that is no tag, and keys twice in any case', async () => {
    const { useCase } = setUp(trust(true));
    const bad: Record<string, string | string[]>[] = [
      { [`${SAML_PRINCIPAL_TAG_PREFIX}Project`]: ['blue', 'red'] },
      { [`${SAML_PRINCIPAL_TAG_PREFIX}Project`]: 'blue', [SAML_TRANSITIVE_TAG_KEYS]: ['Team'] },
      { [`${SAML_PRINCIPAL_TAG_PREFIX}Project`]: 'blue', [`${SAML_PRINCIPAL_TAG_PREFIX}project`]: 'red' },
    ];
    for (const extra of bad) {
      await expect(call(useCase, await tagged(extra))).rejects.toMatchObject({
        errorName: 'InvalidIdentityToken',
      });
    }
  });
});
