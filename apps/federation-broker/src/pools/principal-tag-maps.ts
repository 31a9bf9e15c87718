import { PrincipalTagMap } from '../database/entities';
import { VerifiedLogin } from '../logins/verified-login';

/**
 * AWS's default principal tag mappings ("Default provider mappings", Cognito developer guide):
 * the client id (`aud`) and the user id (`sub`; Login with Amazon's `user_id`), under the tag keys
 * `client` and `username` that the console's "use default mappings" shows.
 */
export function defaultPrincipalTags(providerName: string): Record<string, string> {
  return { client: 'aud', username: providerName === 'www.amazon.com' ? 'user_id' : 'sub' };
}

/** The map as GetPrincipalTagAttributeMap answers it: the defaults spelled out when UseDefaults is set. */
export function effectivePrincipalTags(providerName: string, map: PrincipalTagMap): Record<string, string> {
  return map.useDefaults ? defaultPrincipalTags(providerName) : map.principalTags;
}

/**
 * The session tags an identity's logins bring (GetCredentialsForIdentity, ADR 0041): for each
 * login whose provider has a principal tag map, tag key -> the value of the mapped claim in the
 * login's token. A claim the token lacks, or that is not a string, number or boolean, gives no tag.
 * A user pool provider is named `cognito-idp.<region>.amazonaws.com/<pool id>` (its client too, as
 * `<name>:<client id>`, is accepted, like RoleMappings keys).
 */
export function principalTagsOf(
  maps: Record<string, PrincipalTagMap> | undefined,
  logins: readonly VerifiedLogin[],
): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const login of logins) {
    const name = maps?.[login.provider] ? login.provider : login.mappingKey;
    const map = maps?.[name];
    if (!map) continue;
    for (const [tagKey, claim] of Object.entries(effectivePrincipalTags(login.provider, map))) {
      const value = login.claims[claim];
      if (typeof value === 'string' && value !== '') tags[tagKey] = value;
      else if (typeof value === 'number' || typeof value === 'boolean') tags[tagKey] = String(value);
    }
  }
  return tags;
}
