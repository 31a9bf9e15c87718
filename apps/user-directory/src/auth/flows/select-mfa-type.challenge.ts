import { Inject, Injectable } from '@nestjs/common';
import { RespondToAuthChallengeResponse } from '@idfed/contracts';
import { ClientForAuth } from '../../clients/clients.service';
import { CognitoErrors } from '../../common/cognito-errors';
import { MfaFactor, UserEntity } from '../../database/entities';
import { MfaChallengeSession, MfaSessions } from '../../mfa/mfa-sessions';
import { MfaSignIn } from '../../mfa/mfa-sign-in';
import { UsersRepository } from '../../users/users.repository';
import { ChallengeHandler, SignInClaim } from './auth-flow';

/** What the answer read: the user the Session was issued to, the session, and the factor chosen. */
export interface MfaTypeChoice {
  user: UserEntity;
  session: MfaChallengeSession;
  answer: string;
}

/**
 * SELECT_MFA_TYPE (ADR 0022): a user with several factors on and none preferred chooses one
 * (`ANSWER`: SMS_MFA, SOFTWARE_TOKEN_MFA or EMAIL_OTP, among the session's MFAS_CAN_CHOOSE); the
 * answer is that factor's challenge under a new session (for SMS and email, with the code sent).
 * The Session is single-use and bound to the app client and the user, as the other MFA sessions.
 */
@Injectable()
export class SelectMfaTypeChallenge implements ChallengeHandler<MfaTypeChoice> {
  readonly challenge = 'SELECT_MFA_TYPE';

  constructor(
    @Inject(MfaSessions) private readonly sessions: MfaSessions,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(MfaSignIn) private readonly mfa: MfaSignIn,
  ) {}

  async claim(
    auth: ClientForAuth,
    session: string | undefined,
    responses: Record<string, string>,
  ): Promise<SignInClaim<MfaTypeChoice>> {
    const { ANSWER: answer, USERNAME: username } = responses;
    if (!answer) throw CognitoErrors.invalidParameter('Missing required parameter ANSWER');
    if (!username) throw CognitoErrors.invalidParameter('Missing required parameter USERNAME');
    if (!session) throw CognitoErrors.invalidParameter('Missing required parameter Session');
    const opened = this.sessions.openChallenge(auth.client.id, session, 'SELECT_MFA_TYPE');
    const user = await this.users.findByName(auth.pool.id, auth.pool.config, username);
    if (!user || user.sub !== opened.sub) throw CognitoErrors.notAuthorized('Invalid session for the user.');
    return { secretHashNames: [username, user.username], found: { user, session: opened, answer } };
  }

  async answer(
    auth: ClientForAuth,
    _responses: Record<string, string>,
    { user, session, answer }: MfaTypeChoice,
  ): Promise<RespondToAuthChallengeResponse> {
    if (!(session.choices ?? []).includes(answer as MfaFactor)) {
      throw CognitoErrors.invalidParameter(`Invalid value for ANSWER: ${answerShown(answer)}`);
    }
    await this.sessions.useOnce(session);
    if (!user.enabled) throw CognitoErrors.notAuthorized('User is disabled.');
    const pool = await this.mfa.currentPool(auth);
    return this.mfa.challengeOf(auth, pool, user, answer as MfaFactor);
  }
}

/** The ANSWER as an error message may show it: a factor name, or not at all. */
function answerShown(answer: string): string {
  return /^[A-Z_]{1,32}$/.test(answer) ? answer : '(not a factor name)';
}
