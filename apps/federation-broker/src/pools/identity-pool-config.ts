import { CognitoIdentityProviderType, CreateIdentityPoolRequest, IdentityPoolType } from '@idfed/contracts';
import { BrokerErrors } from '../common/broker-errors';
import { Patterns, RequestValidator } from '../common/validate';

/** What the broker stores about an identity pool besides its id and name (the `config` column). */
export interface IdentityPoolConfig {
  allowUnauthenticatedIdentities: boolean;
  allowClassicFlow: boolean;
  supportedLoginProviders: Record<string, string>;
  developerProviderName?: string;
  openIdConnectProviderArns: string[];
  /** IAM SAML providers whose responses are logins here (absent in pools stored before). */
  samlProviderArns?: string[];
  cognitoIdentityProviders: Required<CognitoIdentityProviderType>[];
  tags: Record<string, string>;
}

/** The well-known login providers Cognito supports by name; the value is the app's id there. */
export const WELL_KNOWN_PROVIDERS = ['accounts.google.com', 'graph.facebook.com', 'www.amazon.com'] as const;

export function validateIdentityPoolRequest(req: CreateIdentityPoolRequest): void {
  RequestValidator.of(req)
    .string('IdentityPoolName', { required: true, min: 1, max: 128, pattern: Patterns.identityPoolName })
    .boolean('AllowUnauthenticatedIdentities')
    .boolean('AllowClassicFlow')
    .stringMap('SupportedLoginProviders', { maxEntries: 10 })
    .string('DeveloperProviderName', { min: 1, max: 128, pattern: Patterns.developerProviderName })
    .stringList('OpenIdConnectProviderARNs', { maxItems: 50 })
    .stringList('SamlProviderARNs')
    .stringMap('IdentityPoolTags', { maxEntries: 50 })
    .check();
  if (typeof req.AllowUnauthenticatedIdentities !== 'boolean') {
    throw BrokerErrors.invalidParameter(
      "1 validation error detected: Value null at 'allowUnauthenticatedIdentities' failed to satisfy constraint: Member must not be null",
    );
  }
  for (const key of Object.keys(req.SupportedLoginProviders ?? {})) {
    if (!(WELL_KNOWN_PROVIDERS as readonly string[]).includes(key)) {
      throw BrokerErrors.invalidParameter(
        `Unsupported login provider ${key}: use ${WELL_KNOWN_PROVIDERS.join(', ')}, an OpenID Connect provider or a user pool.`,
      );
    }
  }
  for (const arn of req.SamlProviderARNs ?? []) {
    if (!/^arn:aws:iam::\d{12}:saml-provider\/[\w+=,.@-]+$/.test(arn)) {
      throw BrokerErrors.invalidParameter(`Invalid SAML provider ARN: ${arn}`);
    }
  }
  for (const arn of req.OpenIdConnectProviderARNs ?? []) {
    if (!/^arn:aws:iam::\d{12}:oidc-provider\/.+$/.test(arn)) {
      throw BrokerErrors.invalidParameter(`Invalid OpenID Connect provider ARN: ${arn}`);
    }
  }
  const providers = req.CognitoIdentityProviders ?? [];
  if (!Array.isArray(providers))
    throw BrokerErrors.invalidParameter('CognitoIdentityProviders must be a list.');
  for (const p of providers) {
    RequestValidator.of(p)
      .string('ProviderName', { required: true, min: 1, max: 128, pattern: Patterns.providerName })
      .string('ClientId', { required: true, min: 1, max: 128, pattern: Patterns.clientId })
      .boolean('ServerSideTokenCheck')
      .check();
  }
}

export function identityPoolConfigFrom(req: CreateIdentityPoolRequest): IdentityPoolConfig {
  validateIdentityPoolRequest(req);
  return {
    allowUnauthenticatedIdentities: req.AllowUnauthenticatedIdentities,
    allowClassicFlow: req.AllowClassicFlow ?? false,
    supportedLoginProviders: req.SupportedLoginProviders ?? {},
    developerProviderName: req.DeveloperProviderName,
    openIdConnectProviderArns: req.OpenIdConnectProviderARNs ?? [],
    samlProviderArns: [...new Set(req.SamlProviderARNs ?? [])],
    cognitoIdentityProviders: (req.CognitoIdentityProviders ?? []).map((p) => ({
      ProviderName: p.ProviderName!,
      ClientId: p.ClientId!,
      ServerSideTokenCheck: p.ServerSideTokenCheck ?? false,
    })),
    tags: req.IdentityPoolTags ?? {},
  };
}

export function toIdentityPoolType(pool: {
  id: string;
  name: string;
  config: IdentityPoolConfig;
}): IdentityPoolType {
  const c = pool.config;
  return {
    IdentityPoolId: pool.id,
    IdentityPoolName: pool.name,
    AllowUnauthenticatedIdentities: c.allowUnauthenticatedIdentities,
    AllowClassicFlow: c.allowClassicFlow,
    SupportedLoginProviders: c.supportedLoginProviders,
    ...(c.developerProviderName ? { DeveloperProviderName: c.developerProviderName } : {}),
    OpenIdConnectProviderARNs: c.openIdConnectProviderArns,
    CognitoIdentityProviders: c.cognitoIdentityProviders,
    SamlProviderARNs: c.samlProviderArns ?? [],
    IdentityPoolTags: c.tags,
  };
}
