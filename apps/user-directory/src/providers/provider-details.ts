import { createPrivateKey } from 'node:crypto';
import { IdentityProviderTypeType } from '@idfed/contracts';
import { CognitoErrors } from '../common/cognito-errors';
import { currentCertificate } from '../saml/saml-keys';
import { ProviderEndpoints } from './provider-endpoints';

/** The ProviderDetails keys that are secrets: sealed at rest, never in `details`. */
export const SECRET_DETAIL_KEYS = ['client_secret', 'private_key'] as const;
export type SecretDetailKey = (typeof SECRET_DETAIL_KEYS)[number];
export type ProviderSecrets = Partial<Record<SecretDetailKey, string>> & {
  /** A SAML provider's encryption key pair, made by idfed for `EncryptedResponses` (ADR 0059). */
  samlEncryption?: { privateKey: string; certificate: string };
};

/** The social providers whose name must be their type, as Cognito requires. */
export const SOCIAL_TYPES: readonly IdentityProviderTypeType[] = [
  'Google',
  'Facebook',
  'LoginWithAmazon',
  'SignInWithApple',
];

/** The endpoint keys an OIDC provider may give instead of having them discovered at its issuer. */
export const OIDC_ENDPOINT_KEYS = ['authorize_url', 'token_url', 'attributes_url', 'jwks_uri'] as const;

/** Keys Cognito computes and answers for a type; a request may carry them back, and they are ignored. */
const COMPUTED_KEYS: Record<IdentityProviderTypeType, readonly string[]> = {
  Google: [
    'attributes_url',
    'attributes_url_add_attributes',
    'authorize_url',
    'oidc_issuer',
    'token_request_method',
    'token_url',
  ],
  Facebook: [
    'attributes_url',
    'attributes_url_add_attributes',
    'authorize_url',
    'token_request_method',
    'token_url',
  ],
  LoginWithAmazon: [
    'attributes_url',
    'attributes_url_add_attributes',
    'authorize_url',
    'token_request_method',
    'token_url',
  ],
  SignInWithApple: [
    'attributes_url_add_attributes',
    'authorize_url',
    'oidc_issuer',
    'token_request_method',
    'token_url',
  ],
  OIDC: ['attributes_url_add_attributes'],
  SAML: ['SSORedirectBindingURI', 'SLORedirectBindingURI', 'ActiveEncryptionCertificate'],
};

interface TypeRules {
  required: readonly string[];
  optional: readonly string[];
}

/** Per type: the keys a request must give and those it may give (CreateIdentityProvider's reference). */
const RULES: Record<IdentityProviderTypeType, TypeRules> = {
  Google: { required: ['client_id', 'client_secret', 'authorize_scopes'], optional: [] },
  Facebook: { required: ['client_id', 'client_secret', 'authorize_scopes'], optional: ['api_version'] },
  LoginWithAmazon: { required: ['client_id', 'client_secret', 'authorize_scopes'], optional: [] },
  SignInWithApple: {
    required: ['client_id', 'team_id', 'key_id', 'private_key', 'authorize_scopes'],
    optional: [],
  },
  OIDC: {
    required: ['client_id', 'client_secret', 'attributes_request_method', 'oidc_issuer', 'authorize_scopes'],
    optional: OIDC_ENDPOINT_KEYS,
  },
  SAML: {
    required: [],
    optional: [
      'MetadataFile',
      'MetadataURL',
      'IDPSignout',
      'IDPInit',
      'EncryptedResponses',
      'RequestSigningAlgorithm',
    ],
  },
};

/** The Graph API version a Facebook provider uses when the request names none. */
export const DEFAULT_FACEBOOK_API_VERSION = 'v17.0';

/** Where each provider type's own user id is, the default `username` mapping Cognito adds. */
export const DEFAULT_USERNAME_SOURCE: Partial<Record<IdentityProviderTypeType, string>> = {
  Google: 'sub',
  Facebook: 'id',
  LoginWithAmazon: 'user_id',
  SignInWithApple: 'sub',
  OIDC: 'sub',
};

/** ProviderDetails split into what is stored in the clear and what is sealed. */
export interface SplitDetails {
  details: Record<string, string>;
  secrets: ProviderSecrets;
}

const invalid = CognitoErrors.invalidParameter;

/** http(s) URL; plain http only to a loopback host (local stand-ins; idfed's one deviation). */
export function checkProviderUrl(key: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(`${key} is not a valid URL.`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw invalid(`${key} must be an https URL.`);
  }
  if (url.username || url.password) throw invalid(`${key} must not carry credentials.`);
  return url;
}

function isTrueFalse(value: string): boolean {
  return value === 'true' || value === 'false';
}

/**
 * Checks a request's ProviderDetails for a type and splits off the secrets. `kept` are the secrets
 * stored already (UpdateIdentityProvider): a request that leaves client_secret or private_key out
 * keeps them. Keys Cognito computes are dropped; any other unknown key is refused.
 */
export function checkProviderDetails(
  type: IdentityProviderTypeType,
  given: Record<string, string>,
  kept: ProviderSecrets = {},
): SplitDetails {
  const rules = RULES[type];
  const details: Record<string, string> = {};
  const secrets: ProviderSecrets = { ...kept };
  for (const [key, value] of Object.entries(given)) {
    if (COMPUTED_KEYS[type].includes(key)) continue;
    if (!rules.required.includes(key) && !rules.optional.includes(key)) {
      throw invalid(`${key} is not a valid provider details key for ${type}.`);
    }
    if (value.trim() === '') throw invalid(`${key} must not be empty.`);
    if ((SECRET_DETAIL_KEYS as readonly string[]).includes(key)) secrets[key as SecretDetailKey] = value;
    else details[key] = value;
  }
  for (const key of rules.required) {
    if (details[key] === undefined && secrets[key as SecretDetailKey] === undefined) {
      throw invalid(`${key} is required for ${type} provider.`);
    }
  }
  switch (type) {
    case 'Facebook':
      details.api_version ??= DEFAULT_FACEBOOK_API_VERSION;
      if (!/^v\d{1,3}\.\d{1,3}$/.test(details.api_version)) {
        throw invalid('api_version must be a Graph API version such as v17.0.');
      }
      break;
    case 'SignInWithApple':
      if (given.private_key !== undefined) checkApplePrivateKey(given.private_key);
      break;
    case 'OIDC':
      if (!['GET', 'POST'].includes(details.attributes_request_method)) {
        throw invalid('attributes_request_method must be GET or POST.');
      }
      checkProviderUrl('oidc_issuer', details.oidc_issuer);
      for (const key of OIDC_ENDPOINT_KEYS)
        if (details[key] !== undefined) checkProviderUrl(key, details[key]);
      break;
    case 'SAML': {
      const sources = ['MetadataFile', 'MetadataURL'].filter((k) => details[k] !== undefined);
      if (sources.length !== 1) throw invalid('Exactly one of MetadataFile or MetadataURL is required.');
      if (details.MetadataURL !== undefined) checkProviderUrl('MetadataURL', details.MetadataURL);
      for (const key of ['IDPSignout', 'IDPInit', 'EncryptedResponses']) {
        if (details[key] !== undefined && !isTrueFalse(details[key])) {
          throw invalid(`${key} must be true or false.`);
        }
      }
      if (details.RequestSigningAlgorithm !== undefined && details.RequestSigningAlgorithm !== 'rsa-sha256') {
        throw invalid('RequestSigningAlgorithm must be rsa-sha256.');
      }
      break;
    }
    case 'Google':
    case 'LoginWithAmazon':
      break;
  }
  return { details, secrets };
}

/** Sign in with Apple's key is an EC P-256 private key in PEM (the .p8 file Apple hands out). */
function checkApplePrivateKey(pem: string): void {
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1')
      throw new Error();
  } catch {
    throw invalid('private_key must be the PEM of an EC P-256 private key.');
  }
}

/**
 * ProviderDetails as Describe answers them: what was given (client_secret included, as Cognito
 * returns it; private_key never), and the endpoints Cognito fills in for each social type, built
 * from the configured base URLs at the time of the answer.
 */
export function providerDetailsAnswer(
  type: IdentityProviderTypeType,
  details: Record<string, string>,
  secrets: ProviderSecrets,
  endpoints: ProviderEndpoints,
  saml?: { ssoRedirect?: string; sloRedirect?: string },
): Record<string, string> {
  const answer: Record<string, string> = { ...details };
  if (secrets.client_secret !== undefined) answer.client_secret = secrets.client_secret;
  switch (type) {
    case 'Google':
      Object.assign(answer, {
        attributes_url: `${endpoints.googlePeopleApiUrl}/v1/people/me?personFields=`,
        attributes_url_add_attributes: 'true',
        authorize_url: `${endpoints.googleIssuer}/o/oauth2/v2/auth`,
        oidc_issuer: endpoints.googleIssuer,
        token_request_method: 'POST',
        token_url: `${endpoints.googleApiUrl}/oauth2/v4/token`,
      });
      break;
    case 'Facebook': {
      const v = details.api_version;
      Object.assign(answer, {
        attributes_url: `${endpoints.facebookGraphUrl}/${v}/me?fields=`,
        attributes_url_add_attributes: 'true',
        authorize_url: `${endpoints.facebookWwwUrl}/${v}/dialog/oauth`,
        token_request_method: 'GET',
        token_url: `${endpoints.facebookGraphUrl}/${v}/oauth/access_token`,
      });
      break;
    }
    case 'LoginWithAmazon':
      Object.assign(answer, {
        attributes_url: `${endpoints.amazonApiUrl}/user/profile`,
        attributes_url_add_attributes: 'false',
        authorize_url: `${endpoints.amazonWwwUrl}/ap/oa`,
        token_request_method: 'POST',
        token_url: `${endpoints.amazonApiUrl}/auth/o2/token`,
      });
      break;
    case 'SignInWithApple':
      Object.assign(answer, {
        attributes_url_add_attributes: 'false',
        authorize_url: `${endpoints.appleIssuer}/auth/authorize`,
        oidc_issuer: endpoints.appleIssuer,
        token_request_method: 'POST',
        token_url: `${endpoints.appleIssuer}/auth/token`,
      });
      break;
    case 'OIDC':
      answer.attributes_url_add_attributes = 'false';
      break;
    case 'SAML':
      if (saml?.ssoRedirect) answer.SSORedirectBindingURI = saml.ssoRedirect;
      if (saml?.sloRedirect) answer.SLORedirectBindingURI = saml.sloRedirect;
      // The newest certificate of the provider's key, renewed yearly as Cognito does (ADR 0069).
      if (details.EncryptedResponses === 'true' && secrets.samlEncryption)
        answer.ActiveEncryptionCertificate = currentCertificate(secrets.samlEncryption);
      break;
  }
  return answer;
}
