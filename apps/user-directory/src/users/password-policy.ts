import { PoolConfig } from '../pools/pool-config';

/** The symbols Cognito counts for RequireSymbols. */
const SYMBOLS = new Set('^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+- ');

/** Returns why a password breaks the pool's policy, in Cognito's words, or undefined when it complies. */
export function passwordPolicyViolation(
  password: string,
  policy: PoolConfig['passwordPolicy'],
): string | undefined {
  if (password.length < policy.MinimumLength) return 'Password not long enough';
  if (password.length > 256) return 'Password must have length less than or equal to 256';
  if (policy.RequireLowercase && !/[a-z]/.test(password)) return 'Password must have lowercase characters';
  if (policy.RequireUppercase && !/[A-Z]/.test(password)) return 'Password must have uppercase characters';
  if (policy.RequireNumbers && !/[0-9]/.test(password)) return 'Password must have numeric characters';
  if (policy.RequireSymbols && ![...password].some((ch) => SYMBOLS.has(ch)))
    return 'Password must have symbol characters';
  return undefined;
}
