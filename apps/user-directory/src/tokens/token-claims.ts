import { randomUUID } from 'node:crypto';

export interface TokenSubject {
  sub: string;
  username: string;
  attributes: Record<string, string>;
}

export interface TokenSession {
  issuer: string;
  clientId: string;
  /** The sign-in these tokens descend from: refreshed tokens keep it. */
  originJti: string;
  eventId: string;
  authTime: number;
  nowSeconds: number;
  idTokenTtl: number;
  accessTokenTtl: number;
}

/** Attributes Cognito puts in ID tokens as JSON booleans and numbers rather than strings. */
const BOOLEAN_ATTRIBUTES = new Set(['email_verified', 'phone_number_verified']);
const NUMBER_ATTRIBUTES = new Set(['updated_at']);
/** Never in a token: `sub` is set separately. */
const EXCLUDED = new Set(['sub']);

function claimValue(name: string, value: string): string | boolean | number {
  if (BOOLEAN_ATTRIBUTES.has(name)) return value === 'true';
  if (NUMBER_ATTRIBUTES.has(name) && /^\d+$/.test(value)) return Number(value);
  return value;
}

/** The ID token's claims, as Cognito issues them: the user's attributes plus the session's. */
export function idTokenClaims(subject: TokenSubject, session: TokenSession): Record<string, unknown> {
  const claims: Record<string, unknown> = { sub: subject.sub };
  for (const [name, value] of Object.entries(subject.attributes)) {
    if (!EXCLUDED.has(name)) claims[name] = claimValue(name, value);
  }
  return {
    ...claims,
    iss: session.issuer,
    'cognito:username': subject.username,
    origin_jti: session.originJti,
    aud: session.clientId,
    event_id: session.eventId,
    token_use: 'id',
    auth_time: session.authTime,
    exp: session.nowSeconds + session.idTokenTtl,
    iat: session.nowSeconds,
    jti: randomUUID(),
  };
}

/** The access token's claims: no `aud` (Cognito puts the client in `client_id`), a fixed scope. */
export function accessTokenClaims(subject: TokenSubject, session: TokenSession): Record<string, unknown> {
  return {
    sub: subject.sub,
    iss: session.issuer,
    client_id: session.clientId,
    origin_jti: session.originJti,
    event_id: session.eventId,
    token_use: 'access',
    scope: 'aws.cognito.signin.user.admin',
    auth_time: session.authTime,
    exp: session.nowSeconds + session.accessTokenTtl,
    iat: session.nowSeconds,
    jti: randomUUID(),
    username: subject.username,
  };
}
