/** Whole seconds since MFA was authenticated, as `aws:MultiFactorAuthAge` (never negative; ADR 0072). */
export function mfaAge(authenticatedAt: number, now: number): string {
  return String(Math.max(0, Math.floor((now - authenticatedAt) / 1000)));
}

/**
 * `aws:MultiFactorAuthPresent` and `aws:MultiFactorAuthAge` are the credentials' to say: whoever
 * asks for a decision (POST /authorize) cannot supply them, present or absent.
 */
export function isMfaKey(key: string): boolean {
  const k = key.toLowerCase();
  return k === 'aws:multifactorauthpresent' || k === 'aws:multifactorauthage';
}
