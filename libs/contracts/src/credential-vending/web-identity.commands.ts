import { internalOperation } from '../operations';

/**
 * Verification of a web identity token (an OpenID Connect ID token) by credential vending, which
 * holds the account's OpenID Connect providers and the JWKS caches. The federation broker uses it
 * for logins from OIDC providers and from Google, so there is one implementation of these checks.
 */
export interface VerifyWebIdentityTokenRequest {
  Token: string;
  /** The IAM OpenID Connect provider the login claims to come from (identity pool OIDC logins). */
  ProviderArn?: string;
  /** For built-in issuers (Google): the client id the token must be for. */
  Audience?: string;
  /** For built-in issuers: the well-known provider name, e.g. accounts.google.com. */
  WellKnownProvider?: string;
}

export interface VerifyWebIdentityTokenResult {
  /** The provider's name as identity pools key it: the OIDC provider's host/path, or the well-known name. */
  providerName: string;
  issuer: string;
  subject: string;
  audience: string;
  /** Every claim of the verified token, for role-mapping rules. */
  claims: Record<string, unknown>;
}

/**
 * A SAML response presented to an identity pool as a login keyed by an IAM SAML provider's ARN
 * (the pool's SamlProviderARNs). Checked as AssumeRoleWithSAML checks it; `Consumer` is the
 * identity pool, to which the assertion is bound on first acceptance.
 */
export interface VerifySamlLoginRequest {
  SAMLResponse: string;
  ProviderArn: string;
  /** Who accepts the assertion: `cognito-identity:<identity pool id>`. */
  Consumer: string;
}

export interface VerifySamlLoginResult {
  issuer: string;
  /** The assertion's NameID. */
  subject: string;
  /** The assertion's attributes by name, each with its values. */
  attributes: Record<string, string[]>;
  /** The role ARNs the Role attribute pairs with this provider. */
  roles: string[];
}

export const WebIdentityOperations = {
  VerifyWebIdentityToken: internalOperation<VerifyWebIdentityTokenRequest, VerifyWebIdentityTokenResult>()(
    'credential-vending',
    'VerifyWebIdentityToken',
    [
      'ExpiredTokenException',
      'IDPCommunicationError',
      'IDPRejectedClaim',
      'InvalidIdentityToken',
      'ValidationError',
    ],
  ),
  VerifySamlLogin: internalOperation<VerifySamlLoginRequest, VerifySamlLoginResult>()(
    'credential-vending',
    'VerifySamlLogin',
    ['ExpiredTokenException', 'IDPRejectedClaim', 'InvalidIdentityToken', 'ValidationError'],
  ),
} as const;
