import { randomUUID } from 'node:crypto';
import { isVerified } from '../users/verified-flag';
import { identitiesClaim } from '../federation/identities-attribute';

/** A group the user is in, as far as tokens care. */
export interface GroupClaim {
  name: string;
  roleArn: string | null;
  precedence: number | null;
}

export interface TokenSubject {
  sub: string;
  username: string;
  attributes: Record<string, string>;
  /** The user's groups; none (or absent) means no group claims. */
  groups?: GroupClaim[];
}

/** Lower precedence first; a group without a precedence after every group with one. */
function byPrecedence(a: GroupClaim, b: GroupClaim): number {
  const pa = a.precedence ?? Number.POSITIVE_INFINITY;
  const pb = b.precedence ?? Number.POSITIVE_INFINITY;
  if (pa !== pb) return pa < pb ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * The group claims as Cognito issues them: `cognito:groups` (ID and access token), and in the ID
 * token `cognito:roles` and `cognito:preferred_role`, the role of the group with the lowest
 * precedence that has one. When groups with different roles share that precedence, no role is
 * preferred and the claim is left out.
 */
export function groupClaims(groups: GroupClaim[] | undefined): {
  access: Record<string, unknown>;
  id: Record<string, unknown>;
} {
  if (!groups || groups.length === 0) return { access: {}, id: {} };
  const ordered = [...groups].sort(byPrecedence);
  const names = ordered.map((g) => g.name);
  const withRole = ordered.filter((g): g is GroupClaim & { roleArn: string } => !!g.roleArn);
  const roles = [...new Set(withRole.map((g) => g.roleArn))];
  const id: Record<string, unknown> = { 'cognito:groups': names };
  if (roles.length > 0) {
    id['cognito:roles'] = roles;
    const best = withRole[0];
    const tied = withRole.some((g) => g.precedence === best.precedence && g.roleArn !== best.roleArn);
    if (!tied) id['cognito:preferred_role'] = best.roleArn;
  }
  return { access: { 'cognito:groups': names }, id };
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
  /** The OAuth scopes granted (the OAuth endpoints); absent: the sign-in API's fixed scope. */
  scopes?: string[];
  /** The authorization request's nonce, echoed in the ID token. */
  nonce?: string;
  /** The remembered-device key the session was issued to (the access token's `device_key`). */
  deviceKey?: string;
}

/** The sign-in API's access tokens carry this scope only, as Cognito's. */
export const SIGN_IN_API_SCOPE = 'aws.cognito.signin.user.admin';

/** Attributes Cognito puts in ID tokens as JSON booleans and numbers rather than strings. */
const BOOLEAN_ATTRIBUTES = new Set(['email_verified', 'phone_number_verified']);
const NUMBER_ATTRIBUTES = new Set(['updated_at']);
/** Never in a token: `sub` is set separately. */
const EXCLUDED = new Set(['sub']);

function claimValue(name: string, value: string): unknown {
  if (name === 'identities') return identitiesClaim(value);
  if (BOOLEAN_ATTRIBUTES.has(name)) return isVerified(value);
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
    ...groupClaims(subject.groups).id,
    iss: session.issuer,
    'cognito:username': subject.username,
    origin_jti: session.originJti,
    aud: session.clientId,
    event_id: session.eventId,
    ...(session.nonce !== undefined ? { nonce: session.nonce } : {}),
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
    ...groupClaims(subject.groups).access,
    ...(session.deviceKey ? { device_key: session.deviceKey } : {}),
    iss: session.issuer,
    client_id: session.clientId,
    origin_jti: session.originJti,
    event_id: session.eventId,
    token_use: 'access',
    scope: session.scopes ? session.scopes.join(' ') : SIGN_IN_API_SCOPE,
    auth_time: session.authTime,
    exp: session.nowSeconds + session.accessTokenTtl,
    iat: session.nowSeconds,
    jti: randomUUID(),
    username: subject.username,
  };
}

/** What GetDerivedToken's issued token is (ADR 0088). */
export interface DerivedToken {
  use: 'access' | 'id';
  /** The resource server the token is bound to: its `aud`. */
  audience?: string;
  /** The `sub` of the intermediary acting for the subject: the RFC 8693 `act` claim. */
  actor?: string;
}

/**
 * A derived token's claims: the claims of an access or ID token of the session, bound to the
 * audience when one was chosen (`aud`; an ID token's is otherwise the client's) and carrying
 * `act` when an actor exchanged it, as RFC 8693 section 4.1 shapes the claim.
 */
export function derivedTokenClaims(
  subject: TokenSubject,
  session: TokenSession,
  derived: DerivedToken,
): Record<string, unknown> {
  const claims =
    derived.use === 'access' ? accessTokenClaims(subject, session) : idTokenClaims(subject, session);
  if (derived.audience !== undefined) claims.aud = derived.audience;
  if (derived.actor !== undefined) claims.act = { sub: derived.actor };
  return claims;
}

/** What a PreTokenGeneration trigger changes in a pair of tokens (ADR 0030). */
export interface TokenOverrides {
  id: { add: Record<string, unknown>; suppress: string[] };
  access: { add: Record<string, unknown>; suppress: string[] };
  scopesToAdd: string[];
  scopesToSuppress: string[];
  /** Replaces the groups' claims in both tokens when given. */
  groups?: { groups: string[]; roles: string[]; preferredRole: string | null };
}

/**
 * Claims no trigger may add, change or remove: they say who the token is for, who issued it, when
 * and for which client and session (Cognito's list). `cognito:` claims change only through the
 * group override; the access token's scope only through scopesToAdd / scopesToSuppress.
 */
const PROTECTED_CLAIMS = new Set([
  'acr',
  'amr',
  'at_hash',
  'aud',
  'auth_time',
  'azp',
  'c_hash',
  'client_id',
  'device_key',
  'event_id',
  'exp',
  'iat',
  'identities',
  'iss',
  'jti',
  'nbf',
  'nonce',
  'origin_jti',
  'scope',
  'sub',
  'token_use',
  'username',
  'version',
]);

function mayChange(name: string): boolean {
  return !PROTECTED_CLAIMS.has(name) && !name.startsWith('cognito:');
}

function changeClaims(claims: Record<string, unknown>, change: TokenOverrides['id']): void {
  for (const name of change.suppress) if (mayChange(name)) delete claims[name];
  for (const [name, value] of Object.entries(change.add)) if (mayChange(name)) claims[name] = value;
}

/**
 * The trigger's changes applied to the claims as they would be issued: the group override first
 * (as Cognito's), then suppressed and added claims (a protected claim is left as it is), then the
 * access token's scopes.
 */
export function applyTokenOverrides(
  id: Record<string, unknown>,
  access: Record<string, unknown>,
  overrides: TokenOverrides,
): void {
  if (overrides.groups) {
    for (const claims of [id, access]) {
      delete claims['cognito:groups'];
      delete claims['cognito:roles'];
      delete claims['cognito:preferred_role'];
    }
    const { groups, roles, preferredRole } = overrides.groups;
    if (groups.length > 0) {
      id['cognito:groups'] = groups;
      access['cognito:groups'] = groups;
    }
    if (roles.length > 0) id['cognito:roles'] = roles;
    if (preferredRole) id['cognito:preferred_role'] = preferredRole;
  }
  changeClaims(id, overrides.id);
  changeClaims(access, overrides.access);
  if (overrides.scopesToAdd.length > 0 || overrides.scopesToSuppress.length > 0) {
    const scopes = typeof access.scope === 'string' ? access.scope.split(' ').filter(Boolean) : [];
    const next = [...new Set([...scopes, ...overrides.scopesToAdd])].filter(
      (s) => !overrides.scopesToSuppress.includes(s),
    );
    access.scope = next.join(' ');
  }
}
