import type { AssumedRolePrincipal } from '@idfed/authorizer';

/** The provider name under which idfed's own identity-pool issuer is trusted (credential vending). */
export const COGNITO_IDENTITY_PROVIDER = 'cognito-identity.amazonaws.com';

/** Whom a socket belongs to: one identity of one identity pool, and the session it connected with. */
export interface DeviceIdentity {
  identityPoolId: string;
  identityId: string;
  /** The verified principal, for policy decisions (subscriptions). Holds the session's secret: never log it. */
  principal: AssumedRolePrincipal;
  /** When the credentials expire (ms since the epoch): the socket closes then. */
  expiresAt: number;
  /** When the session was issued, to compare with its role's revocations. */
  issuedAt: number;
  roleArn: string;
}

/**
 * The identity behind temporary credentials, when they are an identity's. GetCredentialsForIdentity
 * (and the basic flow's AssumeRoleWithWebIdentity with GetOpenIdToken's token) issue sessions for
 * a web identity whose provider is `cognito-identity.amazonaws.com`: the token's `sub` is the
 * identity id and its `aud` the identity pool, both sealed in the session token. Only idfed's own
 * issuer is trusted under that provider name (an IAM OIDC provider is named by its ARN), so other
 * sessions, AssumeRole's or another web identity's, belong to no identity and yield undefined.
 */
export function identityOfSession(principal: AssumedRolePrincipal): DeviceIdentity | undefined {
  const session = principal.session;
  const web = session.webIdentity;
  if (session.provider !== COGNITO_IDENTITY_PROVIDER || web?.keyPrefix !== COGNITO_IDENTITY_PROVIDER) {
    return undefined;
  }
  const pool = web.claims.aud;
  if (typeof pool !== 'string' || web.claims.sub !== session.subject) return undefined;
  return {
    identityPoolId: pool,
    identityId: session.subject,
    principal,
    expiresAt: session.expiresAt,
    issuedAt: session.issuedAt,
    roleArn: session.roleArn,
  };
}
