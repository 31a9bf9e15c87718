/**
 * The `email_verified` / `phone_number_verified` flags. Cognito takes their value in any letter
 * case (`true`, `True`, `TRUE`, and the same for `false`), keeps it as given (GetUser answers
 * `True` when `True` was set), and treats every spelling of `true` as verified.
 */
export const VERIFIED_FLAGS: ReadonlySet<string> = new Set(['email_verified', 'phone_number_verified']);

/** A value Cognito accepts for a verified flag: `true` or `false` in any letter case. */
export function isFlagValue(value: string): boolean {
  return /^(true|false)$/i.test(value);
}

/** Whether a stored flag says verified, whatever the letter case it was set in. */
export function isVerified(value: string | undefined): boolean {
  return value?.toLowerCase() === 'true';
}
