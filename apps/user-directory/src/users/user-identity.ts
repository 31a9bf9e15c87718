import { CognitoErrors } from '../common/cognito-errors';
import { PoolConfig } from '../pools/pool-config';
import { isEmail, isPhoneNumber } from './user-attributes';
import { refuseAliasShapedUsername } from './sign-in-aliases';
import { aliasKey, usernameKey } from './user-keys';

export interface UserIdentity {
  username: string;
  usernameKey: string;
  aliasKey: string | null;
}

/** The identity a new user gets: in email/phone-as-username pools the username is the sub. */
export function identityFor(
  config: PoolConfig,
  requested: string,
  sub: string,
  attributes: Record<string, string>,
): UserIdentity {
  if (config.usernameAttributes.length === 0) {
    refuseAliasShapedUsername(config, requested);
    return { username: requested, usernameKey: usernameKey(config, requested), aliasKey: null };
  }
  if (config.usernameAttributes.includes('email') && isEmail(requested)) {
    attributes.email ??= requested;
    return { username: sub, usernameKey: sub, aliasKey: aliasKey(requested) };
  }
  if (config.usernameAttributes.includes('phone_number') && isPhoneNumber(requested)) {
    attributes.phone_number ??= requested;
    return { username: sub, usernameKey: sub, aliasKey: aliasKey(requested) };
  }
  throw CognitoErrors.invalidParameter(
    config.usernameAttributes.includes('email')
      ? 'Username should be an email.'
      : 'Username should be a phone number.',
  );
}
