import { CognitoErrors } from '../../common/cognito-errors';

/** Every AuthFlow name Cognito knows; the ones without a strategy are refused by AuthFlows. */
export const AUTH_FLOWS = [
  'USER_SRP_AUTH',
  'REFRESH_TOKEN_AUTH',
  'REFRESH_TOKEN',
  'CUSTOM_AUTH',
  'ADMIN_NO_SRP_AUTH',
  'USER_PASSWORD_AUTH',
  'ADMIN_USER_PASSWORD_AUTH',
  'USER_AUTH',
] as const;

/** AuthParameters, checked to be a map of strings. */
export function authParametersOf(value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (
    typeof value !== 'object' ||
    Array.isArray(value) ||
    Object.values(value).some((v) => typeof v !== 'string')
  ) {
    throw CognitoErrors.invalidParameter('AuthParameters must be a map of strings.');
  }
  return value as Record<string, string>;
}

/** Every ChallengeName Cognito knows; the ones without a handler are refused by AuthFlows. */
export const CHALLENGE_NAMES = [
  'SMS_MFA',
  'EMAIL_OTP',
  'SOFTWARE_TOKEN_MFA',
  'SELECT_MFA_TYPE',
  'MFA_SETUP',
  'PASSWORD_VERIFIER',
  'CUSTOM_CHALLENGE',
  'SELECT_CHALLENGE',
  'DEVICE_SRP_AUTH',
  'DEVICE_PASSWORD_VERIFIER',
  'ADMIN_NO_SRP_AUTH',
  'NEW_PASSWORD_REQUIRED',
  'SMS_OTP',
  'PASSWORD',
  'WEB_AUTHN',
  'PASSWORD_SRP',
] as const;

/** The ChallengeResponses map, checked to be a map of strings. */
export function challengeResponsesOf(value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (
    typeof value !== 'object' ||
    Array.isArray(value) ||
    Object.values(value).some((v) => typeof v !== 'string')
  ) {
    throw CognitoErrors.invalidParameter('ChallengeResponses must be a map of strings.');
  }
  return value as Record<string, string>;
}

/** The DEVICE_KEY a sign-in step names (ADR 0028), if any. */
export function deviceKeyOf(params: Record<string, string>): string | undefined {
  const key = params.DEVICE_KEY;
  return typeof key === 'string' && key.length > 0 ? key : undefined;
}

/** ClientMetadata, checked to be a map of strings (absent when not given). */
export function clientMetadataOf(value: unknown): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (
    typeof value !== 'object' ||
    Array.isArray(value) ||
    Object.values(value).some((v) => typeof v !== 'string')
  ) {
    throw CognitoErrors.invalidParameter('ClientMetadata must be a map of strings.');
  }
  return value as Record<string, string>;
}
