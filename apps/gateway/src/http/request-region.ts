import { IdfedEnv, REGION_NAME, regionServed } from '@idfed/config';

/** `cognito-idp.eu-west-1.amazonaws.com` and the like: AWS's regional endpoints name the region. */
const REGIONAL_HOST = /^(?:cognito-idp|cognito-identity|cognito-sync|sts)\.([a-z0-9-]+)\./i;

/** The region a regional endpoint's host names (`<service>.<region>.<domain>`), if it does. */
export function regionOfHost(host: string | undefined): string | undefined {
  const region = host ? REGIONAL_HOST.exec(host)?.[1]?.toLowerCase() : undefined;
  return region && REGION_NAME.test(region) ? region : undefined;
}

/**
 * The region of the resource an id names, as Cognito writes it in the id: a user pool
 * (`<region>_<id>`), an identity pool or identity (`<region>:<uuid>`).
 */
export function regionOfId(id: unknown, separator: '_' | ':'): string | undefined {
  if (typeof id !== 'string') return undefined;
  const at = id.indexOf(separator);
  const region = at > 0 ? id.slice(0, at) : undefined;
  return region && REGION_NAME.test(region) ? region : undefined;
}

/**
 * The region of an unsigned request (ADR 0032). On AWS it is the endpoint's: a host that names one
 * is believed when idfed serves it. Behind a plain host (`localhost:8080`) the pool or identity id
 * the request carries says it, as the id is only found in its own region. An id of a region idfed
 * does not serve is looked up in the home region, where no such id exists: ResourceNotFoundException,
 * as AWS answers an id of another region. Undefined when nothing names a region (ClientId-only
 * operations, tokens): the resource's own region applies.
 */
export function unsignedRequestRegion(
  env: Pick<IdfedEnv, 'region' | 'regions'>,
  host: string | undefined,
  payload: unknown,
): string | undefined {
  const fromHost = regionOfHost(host);
  if (fromHost && regionServed(env, fromHost)) return fromHost;
  const input = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<string, unknown>;
  const fromId =
    regionOfId(input.UserPoolId, '_') ??
    regionOfId(input.IdentityPoolId, ':') ??
    regionOfId(input.IdentityId, ':');
  if (fromId === undefined) return undefined;
  return regionServed(env, fromId) ? fromId : env.region;
}

/**
 * The region of the user pool that issued an access token (its `iss` ends with the pool id,
 * `<region>_<id>`), read without verifying it: only to refuse it at another region's endpoint.
 */
export function regionOfAccessToken(token: string): string | undefined {
  const body = token.split('.')[1];
  if (!body) return undefined;
  let iss: unknown;
  try {
    iss = (JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { iss?: unknown }).iss;
  } catch {
    return undefined;
  }
  if (typeof iss !== 'string') return undefined;
  return regionOfId(iss.slice(iss.lastIndexOf('/') + 1), '_');
}

/**
 * Whether a token-only request (GetUser, GlobalSignOut, ChangePassword... anything carrying an
 * `AccessToken`) was sent to another region's endpoint than its pool's (issue 13, ADR 0065). AWS's
 * endpoints are regional: a token of a pool in region A is not known at region B's, which answers
 * NotAuthorizedException as for any token it cannot verify. Only a host that names a served region
 * decides; behind a plain host the token's own pool applies, as before.
 */
export function accessTokenOfAnotherRegion(
  env: Pick<IdfedEnv, 'region' | 'regions'>,
  host: string | undefined,
  payload: unknown,
): boolean {
  const fromHost = regionOfHost(host);
  if (!fromHost || !regionServed(env, fromHost)) return false;
  const token = (typeof payload === 'object' && payload !== null ? payload : {}) as { AccessToken?: unknown };
  if (typeof token.AccessToken !== 'string') return false;
  const issuedIn = regionOfAccessToken(token.AccessToken);
  return issuedIn !== undefined && issuedIn !== fromHost;
}
