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
} as const;
