import type { SessionClaims } from '@idfed/session-credentials';

/** The name idfed's identity-pool issuer is trusted under, as on AWS (credential vending). */
const COGNITO_IDENTITY = 'cognito-identity.amazonaws.com';

/**
 * The Cognito identity a session was issued for (GetCredentialsForIdentity, or STS
 * AssumeRoleWithWebIdentity with the broker's OpenID token): the token's `sub` is the identity id
 * and its `aud` the pool. Undefined for any other session (admin-issued AssumeRole, Google, an
 * OpenID Connect provider), whose provider is never this name.
 */
export function cognitoIdentityOf(
  session: SessionClaims,
): { identityPoolId: string; identityId: string } | undefined {
  const web = session.webIdentity;
  if (session.provider !== COGNITO_IDENTITY || web?.keyPrefix !== COGNITO_IDENTITY) return undefined;
  const sub = web.claims.sub;
  const aud = web.claims.aud;
  if (typeof sub !== 'string') return undefined;
  const pool = Array.isArray(aud) ? (aud.length === 1 ? aud[0] : undefined) : aud;
  return pool === undefined ? undefined : { identityPoolId: pool, identityId: sub };
}
