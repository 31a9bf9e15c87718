import { BrokerErrors } from '../common/broker-errors';
import { IdentityPoolEntity } from '../database/entities';

/**
 * The pool's developer provider: the app's backend, signed with the admin key, vouches for its own
 * users under this name, so their identifiers are trusted without a token.
 */
export function developerProviderOf(pool: IdentityPoolEntity): string {
  const name = pool.config.developerProviderName;
  if (!name) throw BrokerErrors.invalidParameter('This identity pool has no developer provider name.');
  return name;
}

/** Merge and unlink name the developer provider; it must be the pool's. */
export function assertDeveloperProvider(pool: IdentityPoolEntity, named: string): void {
  if (developerProviderOf(pool) !== named) {
    throw BrokerErrors.invalidParameter('DeveloperProviderName does not match the identity pool.');
  }
}
