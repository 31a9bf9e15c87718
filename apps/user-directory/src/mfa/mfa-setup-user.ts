import { Inject, Injectable } from '@nestjs/common';
import { CognitoErrors } from '../common/cognito-errors';
import { UserEntity } from '../database/entities';
import { UsersRepository } from '../users/users.repository';
import { MfaSetupSession } from './mfa-sessions';

/**
 * The user AssociateSoftwareToken and VerifySoftwareToken act for: the holder of an access token,
 * or the user an MFA_SETUP Session was issued to (still in its pool, still enabled).
 */
@Injectable()
export class MfaSetupUser {
  constructor(@Inject(UsersRepository) private readonly users: UsersRepository) {}

  /** Which of the two the request names; both or neither is refused, as Cognito does. */
  static bySession(req: { AccessToken?: string; Session?: string }): req is { Session: string } {
    const hasToken = req.AccessToken !== undefined && req.AccessToken !== null;
    const hasSession = req.Session !== undefined && req.Session !== null;
    if (hasToken === hasSession) {
      throw CognitoErrors.invalidParameter('Exactly one of AccessToken or Session must be provided.');
    }
    return hasSession;
  }

  async of(session: MfaSetupSession): Promise<UserEntity> {
    const user = await this.users.findBySub(session.sub);
    if (!user || user.poolId !== session.poolId) {
      throw CognitoErrors.notAuthorized('Invalid session for the user.');
    }
    if (!user.enabled) throw CognitoErrors.notAuthorized('User is disabled.');
    return user;
  }
}
