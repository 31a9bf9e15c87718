import { ServiceError } from '@idfed/messaging';
import { CognitoErrors } from '../common/cognito-errors';

/**
 * What is counted, each with its own counter per user: a password (by USER_PASSWORD_AUTH,
 * ADMIN_USER_PASSWORD_AUTH or the SRP proof, which share one counter, as an attacker could otherwise
 * switch flows), an MFA code, the three kinds of emailed or texted codes, and requests that send a
 * code (ForgotPassword, ResendConfirmationCode), which would otherwise flood a victim's inbox.
 */
export type AttemptFlow =
  'password' | 'mfa-code' | 'confirm-sign-up' | 'forgot-password' | 'verify-attribute' | 'code-delivery';

/** How guessing is slowed down: a few free failures, then lockouts that double up to a cap. */
export interface LockoutPolicy {
  /** Failures allowed before the first lockout (Cognito: 5). */
  freeFailures: number;
  /** The lockout after the last free failure (Cognito: 1 s); each further failure doubles it: 2^(n-5) s. */
  firstLockoutMs: number;
  /** The longest lockout (Cognito: about 15 minutes). */
  maxLockoutMs: number;
  /** Quiet time after the last lockout (or failure) that forgets the failures (Cognito: 15 minutes). */
  resetAfterMs: number;
}

export const COGNITO_LOCKOUT_POLICY: LockoutPolicy = {
  freeFailures: 5,
  firstLockoutMs: 1000,
  maxLockoutMs: 15 * 60 * 1000,
  resetAfterMs: 15 * 60 * 1000,
};

/** What a locked-out caller is told: Cognito's wording for passwords and MFA, and for codes. */
export function lockedOutError(flow: AttemptFlow): ServiceError {
  switch (flow) {
    case 'password':
    case 'mfa-code':
      return CognitoErrors.notAuthorized('Password attempts exceeded');
    case 'confirm-sign-up':
    case 'forgot-password':
    case 'verify-attribute':
    case 'code-delivery':
      return CognitoErrors.limitExceeded();
  }
}

/**
 * What a caller is told after waiting in vain for other checks of the same secret to finish: not a
 * lockout (nothing was found wrong), and an error the SDKs retry after a pause.
 */
export function tooManyChecksInFlightError(): ServiceError {
  return new ServiceError(
    'TooManyRequestsException',
    'Too many requests for this user at once, please try again.',
  );
}
