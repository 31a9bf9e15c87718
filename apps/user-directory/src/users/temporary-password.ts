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

/** When a temporary password set now stops working. */
export function temporaryPasswordExpiry(config: PoolConfig, from: Date): Date {
  return new Date(from.getTime() + config.passwordPolicy.TemporaryPasswordValidityDays * 86_400_000);
}
