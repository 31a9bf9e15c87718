import { Inject, Injectable } from '@nestjs/common';
import { RespondToAuthChallengeRequest, RespondToAuthChallengeResponse } from '@idfed/contracts';
import { ClientForAuth } from '../clients/clients.service';
import { CognitoErrors } from '../common/cognito-errors';
import { NewPasswordChallenge } from './new-password-challenge';
import { UserSrpAuth } from './user-srp-auth';

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

/** The challenge names idfed answers, shared by RespondToAuthChallenge and its admin twin. */
@Injectable()
export class ChallengeAnswers {
  constructor(
    @Inject(UserSrpAuth) private readonly srp: UserSrpAuth,
    @Inject(NewPasswordChallenge) private readonly newPassword: NewPasswordChallenge,
  ) {}

  answer(
    auth: ClientForAuth,
    req: RespondToAuthChallengeRequest,
    responses: Record<string, string>,
  ): Promise<RespondToAuthChallengeResponse> {
    switch (req.ChallengeName) {
      case 'PASSWORD_VERIFIER':
        return this.srp.verify(auth, responses);
      case 'NEW_PASSWORD_REQUIRED':
        return this.newPassword.answer(auth, req.Session, responses);
      default:
        throw CognitoErrors.invalidParameter(`${req.ChallengeName} is not supported by this idfed version.`);
    }
  }
}
