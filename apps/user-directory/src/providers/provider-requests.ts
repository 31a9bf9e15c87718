import { IdentityProviderTypeType } from '@idfed/contracts';
import type { RequestValidator as AwsRequestValidator } from '@idfed/aws-protocol';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, RequestValidator } from '../common/validate';

export const PROVIDER_TYPES: readonly IdentityProviderTypeType[] = [
  'SAML',
  'Facebook',
  'Google',
  'LoginWithAmazon',
  'SignInWithApple',
  'OIDC',
];

/** Cognito's quota of identity providers per user pool. */
export const MAX_PROVIDERS_PER_POOL = 300;
export const MAX_PROVIDERS_PAGE = 60;

/** The patterns of botocore's model: a new provider's name (V2), and any name to look up (V1). */
export const ProviderPatterns = {
  newName: /^[^_\p{Z}][\p{L}\p{M}\p{S}\p{N}\p{P}][^_\p{Z}]+$/u,
  name: /^[\p{L}\p{M}\p{S}\p{N}\p{P}\p{Z}]+$/u,
  identifier: /^[\w\s+=.@-]+$/,
};

export function providerNameRequest(req: { UserPoolId: string; ProviderName: string }): AwsRequestValidator {
  return RequestValidator.of(req)
    .string('UserPoolId', Members.userPoolId)
    .string('ProviderName', { required: true, min: 1, max: 32, pattern: ProviderPatterns.name });
}

/** The members Create and Update share: details, mapping, identifiers (each identifier at most once). */
export function providerMembers(v: AwsRequestValidator, detailsRequired: boolean): AwsRequestValidator {
  return v
    .stringMap('ProviderDetails', { required: detailsRequired })
    .stringMap('AttributeMapping')
    .stringList('IdpIdentifiers', {
      maxItems: 50,
      item: { min: 1, max: 40, pattern: ProviderPatterns.identifier },
    });
}

export function checkIdentifiers(identifiers: string[] | undefined): string[] {
  const list = identifiers ?? [];
  const seen = new Set<string>();
  for (const id of list) {
    if (seen.has(id)) throw CognitoErrors.invalidParameter(`Duplicate identifier ${id} in IdpIdentifiers.`);
    seen.add(id);
  }
  return list;
}

/**
 * A social provider is named after its type (Google, Facebook, LoginWithAmazon, SignInWithApple);
 * a SAML or OIDC provider may take neither those names nor Cognito's own.
 */
export function checkProviderName(
  type: IdentityProviderTypeType,
  name: string,
  social: readonly string[],
): void {
  if (social.includes(type)) {
    if (name !== type)
      throw CognitoErrors.invalidParameter(`ProviderName must be ${type} for a ${type} provider.`);
    return;
  }
  if (social.includes(name) || name.toLowerCase() === 'cognito') {
    throw CognitoErrors.invalidParameter(`ProviderName ${name} is reserved.`);
  }
}
