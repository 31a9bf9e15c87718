import { IdentityProviderTypeType } from '@idfed/contracts';
import { CognitoErrors } from '../common/cognito-errors';
import { isKnownAttribute, PoolConfig } from '../pools/pool-config';
import { DEFAULT_USERNAME_SOURCE } from './provider-details';

/** At most this many mapped attributes: the pool's 50 custom and 20 standard ones, and username. */
const MAX_MAPPINGS = 71;

/**
 * Checks an AttributeMapping against the pool: every key is `username` or an attribute of the pool
 * (standard or `custom:`), never `sub` (a federated user's sub is the pool's own), and every value
 * names a provider attribute. Social and OIDC providers get `username` mapped to their user id
 * when the request does not map it, as Cognito adds it.
 */
export function checkAttributeMapping(
  pool: PoolConfig,
  type: IdentityProviderTypeType,
  mapping: Record<string, string> | undefined,
): Record<string, string> {
  const result: Record<string, string> = {};
  const entries = Object.entries(mapping ?? {});
  if (entries.length > MAX_MAPPINGS) {
    throw CognitoErrors.invalidParameter(`AttributeMapping may map at most ${MAX_MAPPINGS} attributes.`);
  }
  for (const [key, value] of entries) {
    if (key === 'sub' || (key !== 'username' && !isKnownAttribute(pool, key))) {
      throw CognitoErrors.invalidParameter(
        `Attribute mapping key ${key} is not an attribute of the user pool.`,
      );
    }
    if (value.length < 1 || value.length > 2048) {
      throw CognitoErrors.invalidParameter(
        `The provider attribute mapped to ${key} must have 1 to 2048 characters.`,
      );
    }
    result[key] = value;
  }
  const userId = DEFAULT_USERNAME_SOURCE[type];
  if (userId !== undefined && result.username === undefined) result.username = userId;
  return result;
}
