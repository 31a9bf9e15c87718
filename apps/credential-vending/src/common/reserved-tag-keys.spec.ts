import { ServiceError } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { IamArns } from './arns';
import { ManagedPolicyLookup } from '../policies/managed-policy.lookup';
import { ManagedPoliciesRepository } from '../policies/managed-policies.repository';
import { CreatePolicyHandler } from '../policies/create-policy.handler';
import { OidcProvidersRepository } from '../oidc-providers/oidc-providers.repository';
import { CreateOpenIDConnectProviderHandler } from '../oidc-providers/create-open-id-connect-provider.handler';
import { RoleLookup } from '../roles/role.lookup';
import { RolesRepository } from '../roles/roles.repository';
import { CreateRoleHandler } from '../roles/create-role.handler';
import { TagRoleHandler } from '../roles/tag-role.handler';
import { SamlPrivateKeys } from '../saml-providers/saml-private-keys';
import { SamlProviderLookup } from '../saml-providers/saml-provider.lookup';
import { SamlProvidersRepository } from '../saml-providers/saml-providers.repository';
import { CreateSAMLProviderHandler } from '../saml-providers/create-saml-provider.handler';
import { TagSAMLProviderHandler } from '../saml-providers/tag-saml-provider.handler';
import { UserLookup } from '../users/user.lookup';
import { UsersRepository } from '../users/users.repository';
import { CreateUserHandler } from '../users/create-user.handler';
import { TagUserHandler } from '../users/tag-user.handler';

const arns = new IamArns('123456789012');
/** Every collaborator throws if touched: a refused request must reach no repository. */
const untouchable = <T>(): T =>
  new Proxy(
    {},
    {
      get: (_t, name) =>
        name === 'then'
          ? undefined
          : () => {
              throw new Error(`touched ${String(name)}`);
            },
    },
  ) as T;
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' },
  ],
});

async function errorOf(promise: Promise<unknown>): Promise<{ name?: string; message?: string }> {
  return promise.then(
    () => ({}),
    (err: ServiceError) => ({ name: err.errorName, message: err.message }),
  );
}

describe("the aws: tag key prefix on IAM's tagging and creating actions", () => {
  const tx = untouchable<Transactions>();
  const reserved = [{ Key: 'AWS:cloudformation:stack-name', Value: 'x' }];
  const cases: [string, () => Promise<unknown>][] = [
    [
      'TagUser',
      () =>
        new TagUserHandler(tx, untouchable<UserLookup>(), untouchable<UsersRepository>()).execute({
          UserName: 'u',
          Tags: reserved,
        }),
    ],
    [
      'TagRole',
      () =>
        new TagRoleHandler(tx, untouchable<RoleLookup>(), untouchable<RolesRepository>()).execute({
          RoleName: 'r',
          Tags: reserved,
        }),
    ],
    [
      'TagSAMLProvider',
      () =>
        new TagSAMLProviderHandler(
          untouchable<SamlProviderLookup>(),
          untouchable<SamlProvidersRepository>(),
        ).execute({
          SAMLProviderArn: 'arn:aws:iam::123456789012:saml-provider/idp',
          Tags: reserved,
        }),
    ],
    [
      'CreateUser',
      () =>
        new CreateUserHandler(
          tx,
          untouchable<UsersRepository>(),
          untouchable<ManagedPolicyLookup>(),
          arns,
        ).execute({
          UserName: 'u',
          Tags: reserved,
        }),
    ],
    [
      'CreateRole',
      () =>
        new CreateRoleHandler(
          untouchable<RolesRepository>(),
          arns,
          tx,
          untouchable<ManagedPolicyLookup>(),
        ).execute({
          RoleName: 'r',
          AssumeRolePolicyDocument: TRUST,
          Tags: reserved,
        }),
    ],
    [
      'CreatePolicy',
      () =>
        new CreatePolicyHandler(tx, untouchable<ManagedPoliciesRepository>(), arns).execute({
          PolicyName: 'p',
          PolicyDocument: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
          }),
          Tags: reserved,
        }),
    ],
    [
      'CreateOpenIDConnectProvider',
      () =>
        new CreateOpenIDConnectProviderHandler(untouchable<OidcProvidersRepository>(), arns).execute({
          Url: 'https://issuer.example.com',
          Tags: reserved,
        }),
    ],
    [
      'CreateSAMLProvider',
      () =>
        new CreateSAMLProviderHandler(
          untouchable<SamlProvidersRepository>(),
          arns,
          untouchable<SamlPrivateKeys>(),
        ).execute({
          Name: 'idp',
          // Long enough for the model's 1,000-character minimum; the tags are refused before it is read.
          SAMLMetadataDocument: `<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x">${' '.repeat(1000)}</EntityDescriptor>`,
          Tags: reserved,
        }),
    ],
  ];

  it.each(cases)(
    '%s refuses an aws: key (any case) as InvalidInput, touching nothing',
    async (_name, call) => {
      expect(await errorOf(call())).toEqual({
        name: 'InvalidInput',
        message: "Tag keys starting with 'aws:' are reserved for internal use.",
      });
    },
  );
});
