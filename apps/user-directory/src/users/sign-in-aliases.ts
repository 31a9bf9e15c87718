import { Transaction } from '@idfed/persistence';
import { CognitoErrors } from '../common/cognito-errors';
import { PoolConfig } from '../pools/pool-config';
import { isEmail, isPhoneNumber } from './user-attributes';
import { UsersRepository } from './users.repository';
import { isVerified } from './verified-flag';

/**
 * Sign-in aliases of pools with `AliasAttributes` (ADR 0044). The aliases themselves are kept in
 * SQL (a trigger derives them from the attributes on every write, unique indexes keep them unique
 * in the pool); what is decided here is what Cognito refuses before a write and what
 * ForceAliasCreation takes from another user.
 */

/**
 * A username in the form of an alias the pool signs in with would shadow (or be shadowed by)
 * another user's alias: Cognito refuses it at SignUp and AdminCreateUser.
 */
export function refuseAliasShapedUsername(config: PoolConfig, username: string): void {
  if (config.aliasAttributes.includes('email') && isEmail(username)) {
    throw CognitoErrors.invalidParameter(
      'Username cannot be of email format, since user pool is configured for email alias.',
    );
  }
  if (config.aliasAttributes.includes('phone_number') && isPhoneNumber(username)) {
    throw CognitoErrors.invalidParameter(
      'Username cannot be of phone number format, since user pool is configured for phone number alias.',
    );
  }
}

/**
 * ForceAliasCreation: the verified email and phone number `attributes` give `sub` are taken from
 * any other user of the pool who signs in with them (that user's flag becomes `false`, as in
 * Cognito). preferred_username is never taken: a clash with it stays AliasExistsException.
 */
export async function takeAliases(
  users: UsersRepository,
  pool: { id: string; config: PoolConfig },
  sub: string,
  attributes: Record<string, string>,
  tx: Transaction,
): Promise<void> {
  for (const attribute of ['email', 'phone_number'] as const) {
    const value = attributes[attribute];
    if (!pool.config.aliasAttributes.includes(attribute) || !value) continue;
    if (!isVerified(attributes[`${attribute}_verified`])) continue;
    await users.releaseAlias(pool.id, sub, attribute, value, tx);
  }
}
