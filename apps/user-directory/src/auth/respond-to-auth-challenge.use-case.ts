import {
  AdminRespondToAuthChallengeRequest,
  RespondToAuthChallengeRequest,
  RespondToAuthChallengeResponse,
} from '@idfed/contracts';
import { ClientForAuth, ClientsService } from '../clients/clients.service';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, Patterns, RequestValidator } from '../common/validate';
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

/** RespondToAuthChallenge: the second step of a sign-in that answered with a challenge. */
export class RespondToAuthChallengeUseCase {
  constructor(
    private readonly clients: ClientsService,
    private readonly srp: UserSrpAuth,
    private readonly newPassword: NewPasswordChallenge,
  ) {}

  async execute(req: RespondToAuthChallengeRequest): Promise<RespondToAuthChallengeResponse> {
    RequestValidator.of(req)
      .string('ClientId', { required: true, min: 1, max: 128, pattern: Patterns.clientId })
      .oneOf('ChallengeName', CHALLENGE_NAMES, true)
      .string('Session', { min: 20, max: 4096, secret: true })
      .check();
    const responses = challengeResponsesOf(req.ChallengeResponses);
    return this.answer(await this.clients.forAuth(req.ClientId), req, responses);
  }

  /** AdminRespondToAuthChallenge: the same, for a back end signing with the admin key. */
  async adminExecute(req: AdminRespondToAuthChallengeRequest): Promise<RespondToAuthChallengeResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .string('ClientId', Members.clientId)
      .oneOf('ChallengeName', CHALLENGE_NAMES, true)
      .string('Session', { min: 20, max: 4096, secret: true })
      .check();
    const responses = challengeResponsesOf(req.ChallengeResponses);
    return this.answer(await this.clients.forAdminAuth(req.UserPoolId, req.ClientId), req, responses);
  }

  private answer(
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
