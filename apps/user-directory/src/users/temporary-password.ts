import { randomInt } from 'node:crypto';
import { PoolConfig } from '../pools/pool-config';

const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
/** Symbols Cognito accepts that survive email, SMS and a copy-paste: no quotes, spaces or dots. */
const SYMBOLS = '!#$%&*+-=?@^_~';

/**
 * A temporary password for AdminCreateUser when the administrator gives none: at least 12
 * characters (more if the policy asks), with every character class, so it meets any pool policy.
 */
export function generateTemporaryPassword(policy: PoolConfig['passwordPolicy']): string {
  const length = Math.max(12, policy.MinimumLength);
  const all = LOWER + UPPER + DIGITS + SYMBOLS;
  const chars = [LOWER, UPPER, DIGITS, SYMBOLS].map((set) => set[randomInt(set.length)]);
  while (chars.length < length) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}

/**
 * How many days a temporary password works (ADR 0062): the password policy's
 * `TemporaryPasswordValidityDays`, or `AdminCreateUserConfig.UnusedAccountValidityDays` for a pool
 * that set the latter and not the former ("that value is effective until you set a value for
 * TemporaryPasswordValidityDays", AWS's API reference).
 */
export function temporaryPasswordValidityDays(config: PoolConfig): number {
  return config.unusedAccountValidityApplies && config.unusedAccountValidityDays !== undefined
    ? config.unusedAccountValidityDays
    : config.passwordPolicy.TemporaryPasswordValidityDays;
}

/** When a temporary password set now stops working. */
export function temporaryPasswordExpiry(config: PoolConfig, from: Date): Date {
  return new Date(from.getTime() + temporaryPasswordValidityDays(config) * 86_400_000);
}

/** Whether a FORCE_CHANGE_PASSWORD user's temporary password no longer works at `now`. */
export function temporaryPasswordExpired(
  user: { passwordExpiresAt: Date | null },
  now = Date.now(),
): boolean {
  return user.passwordExpiresAt !== null && user.passwordExpiresAt.getTime() <= now;
}

/**
 * Cognito's NotAuthorizedException message for an expired temporary password; a pool timed by
 * `UnusedAccountValidityDays` answers the wording Cognito gave for an expired unused account.
 */
export function expiredTemporaryPasswordMessage(config: PoolConfig): string {
  return config.unusedAccountValidityApplies && config.unusedAccountValidityDays !== undefined
    ? 'User account has expired, it must be reset by an administrator.'
    : 'Temporary password has expired and must be reset by an administrator.';
}
