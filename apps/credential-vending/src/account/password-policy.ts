import { PasswordPolicy, UpdateAccountPasswordPolicyRequest } from '@idfed/contracts';
import { AccountErrors } from './account-errors';

/** The account's password policy as stored: UpdateAccountPasswordPolicy's members with their defaults applied. */
export interface StoredPasswordPolicy {
  minimumPasswordLength: number;
  requireSymbols: boolean;
  requireNumbers: boolean;
  requireUppercaseCharacters: boolean;
  requireLowercaseCharacters: boolean;
  allowUsersToChangePassword: boolean;
  /** Days; null: passwords never expire (AWS's default 0). */
  maxPasswordAge: number | null;
  /** Previous passwords a user may not reuse; null: none (AWS's default 0). */
  passwordReusePrevention: number | null;
  /** null when not given (AWS's default false, not answered back). */
  hardExpiry: boolean | null;
}

/** IAM's symbols: `! @ # $ % ^ & * ( ) _ + - = [ ] { } | '`. */
const SYMBOLS = /[!@#$%^&*()_+\-=[\]{}|']/;

/**
 * The policy UpdateAccountPasswordPolicy sets: it does not support partial updates, so a member
 * left out takes the default IAM documents (length 6, every requirement off, no expiry, no reuse
 * prevention), never the value it had before.
 */
export function policyOfRequest(req: UpdateAccountPasswordPolicyRequest): StoredPasswordPolicy {
  return {
    minimumPasswordLength: req.MinimumPasswordLength ?? 6,
    requireSymbols: req.RequireSymbols === true,
    requireNumbers: req.RequireNumbers === true,
    requireUppercaseCharacters: req.RequireUppercaseCharacters === true,
    requireLowercaseCharacters: req.RequireLowercaseCharacters === true,
    allowUsersToChangePassword: req.AllowUsersToChangePassword === true,
    maxPasswordAge: req.MaxPasswordAge ?? null,
    passwordReusePrevention: req.PasswordReusePrevention ?? null,
    hardExpiry: req.HardExpiry ?? null,
  };
}

/** GetAccountPasswordPolicy's answer: `ExpirePasswords` is true when MaxPasswordAge is above 0. */
export function toPasswordPolicy(p: StoredPasswordPolicy): PasswordPolicy {
  return {
    MinimumPasswordLength: p.minimumPasswordLength,
    RequireSymbols: p.requireSymbols,
    RequireNumbers: p.requireNumbers,
    RequireUppercaseCharacters: p.requireUppercaseCharacters,
    RequireLowercaseCharacters: p.requireLowercaseCharacters,
    AllowUsersToChangePassword: p.allowUsersToChangePassword,
    ExpirePasswords: (p.maxPasswordAge ?? 0) > 0,
    ...(p.maxPasswordAge !== null ? { MaxPasswordAge: p.maxPasswordAge } : {}),
    ...(p.passwordReusePrevention !== null ? { PasswordReusePrevention: p.passwordReusePrevention } : {}),
    ...(p.hardExpiry !== null ? { HardExpiry: p.hardExpiry } : {}),
  };
}

/**
 * Checks a new console password against the account's policy, or, when the account has none,
 * against AWS's default password policy (IAM User Guide, "Set an account password policy for IAM
 * users"): at least 8 characters, at least three of uppercase, lowercase, numbers and symbols, and
 * not the account's name (here its id or alias). PasswordPolicyViolation names the first rule broken.
 */
export function checkPassword(
  policy: StoredPasswordPolicy | undefined,
  password: string,
  accountNames: readonly string[],
): void {
  const has = {
    upper: /[A-Z]/.test(password),
    lower: /[a-z]/.test(password),
    number: /[0-9]/.test(password),
    symbol: SYMBOLS.test(password),
  };
  if (!policy) {
    if (password.length < 8)
      throw AccountErrors.policyViolation('Password should have a minimum length of 8');
    if (Object.values(has).filter(Boolean).length < 3) {
      throw AccountErrors.policyViolation(
        'Password should have at least three of: uppercase letters, lowercase letters, numbers, symbols',
      );
    }
    if (accountNames.some((name) => name.toLowerCase() === password.toLowerCase())) {
      throw AccountErrors.policyViolation('Password should not be the account name');
    }
    return;
  }
  if (password.length < policy.minimumPasswordLength) {
    throw AccountErrors.policyViolation(
      `Password should have a minimum length of ${policy.minimumPasswordLength}`,
    );
  }
  if (policy.requireLowercaseCharacters && !has.lower) {
    throw AccountErrors.policyViolation('Password should have at least one lowercase letter');
  }
  if (policy.requireUppercaseCharacters && !has.upper) {
    throw AccountErrors.policyViolation('Password should have at least one uppercase letter');
  }
  if (policy.requireNumbers && !has.number) {
    throw AccountErrors.policyViolation('Password should have at least one number');
  }
  if (policy.requireSymbols && !has.symbol) {
    throw AccountErrors.policyViolation('Password should have at least one symbol');
  }
}
