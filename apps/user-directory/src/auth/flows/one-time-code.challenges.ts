import { Inject, Injectable } from '@nestjs/common';
import { RespondToAuthChallengeResponse } from '@idfed/contracts';
import { ClientForAuth } from '../../clients/clients.service';
import { CognitoErrors } from '../../common/cognito-errors';
import { UserEntity } from '../../database/entities';
import { MfaChallengeSession, MfaSessions } from '../../mfa/mfa-sessions';
import { CodeFactor, OneTimeCodes } from '../../mfa/one-time-codes';
import { UsersRepository } from '../../users/users.repository';
import { SignInCompletion } from '../sign-in-completion';
import { deviceKeyOf } from './auth-parameters';
import { ChallengeHandler, SignInClaim } from './auth-flow';

/** What the answer read: the user the Session was issued to, the session, and the code. */
export interface OneTimeCodeAnswer {
  user: UserEntity;
  session: MfaChallengeSession;
  code: string;
}

/**
 * SMS_MFA and EMAIL_OTP (ADR 0022): the code sent with the challenge, then the tokens. As
 * SOFTWARE_TOKEN_MFA's, the Session is single-use (a wrong code uses it up), bound to the app
 * client, to the user it was issued to and to its factor; the code is counted on the user's
 * `mfa-code` lockout and checked once (OneTimeCodes).
 */
abstract class OneTimeCodeChallenge implements ChallengeHandler<OneTimeCodeAnswer> {
  abstract readonly challenge: CodeFactor;
  /** The ChallengeResponses member that carries the code. */
  protected abstract readonly codeMember: string;

  constructor(
    private readonly sessions: MfaSessions,
    private readonly users: UsersRepository,
    private readonly codes: OneTimeCodes,
    private readonly completion: SignInCompletion,
  ) {}

  async claim(
    auth: ClientForAuth,
    session: string | undefined,
    responses: Record<string, string>,
  ): Promise<SignInClaim<OneTimeCodeAnswer>> {
    const { [this.codeMember]: code, USERNAME: username } = responses;
    if (!code) throw CognitoErrors.invalidParameter(`Missing required parameter ${this.codeMember}`);
    if (!username) throw CognitoErrors.invalidParameter('Missing required parameter USERNAME');
    if (!session) throw CognitoErrors.invalidParameter('Missing required parameter Session');
    const opened = this.sessions.openChallenge(auth.client.id, session, this.challenge);
    const user = await this.users.findByName(auth.pool.id, auth.pool.config, username);
    if (!user || user.sub !== opened.sub) throw CognitoErrors.notAuthorized('Invalid session for the user.');
    return { secretHashNames: [username, user.username], found: { user, session: opened, code } };
  }

  async answer(
    auth: ClientForAuth,
    responses: Record<string, string>,
    { user, session, code }: OneTimeCodeAnswer,
  ): Promise<RespondToAuthChallengeResponse> {
    await this.sessions.useOnce(session);
    if (!user.enabled) throw CognitoErrors.notAuthorized('User is disabled.');
    await this.codes.check(user, this.challenge, session.id, code);
    return {
      ChallengeParameters: {},
      AuthenticationResult: await this.completion.signedIn(auth, user, deviceKeyOf(responses)),
    };
  }
}

/** SMS_MFA: the code sent to the user's phone number, answered as SMS_MFA_CODE. */
@Injectable()
export class SmsMfaChallenge extends OneTimeCodeChallenge {
  readonly challenge = 'SMS_MFA';
  protected readonly codeMember = 'SMS_MFA_CODE';

  constructor(
    @Inject(MfaSessions) sessions: MfaSessions,
    @Inject(UsersRepository) users: UsersRepository,
    @Inject(OneTimeCodes) codes: OneTimeCodes,
    @Inject(SignInCompletion) completion: SignInCompletion,
  ) {
    super(sessions, users, codes, completion);
  }
}

/** EMAIL_OTP: the code sent to the user's email, answered as EMAIL_OTP_CODE. */
@Injectable()
export class EmailOtpChallenge extends OneTimeCodeChallenge {
  readonly challenge = 'EMAIL_OTP';
  protected readonly codeMember = 'EMAIL_OTP_CODE';

  constructor(
    @Inject(MfaSessions) sessions: MfaSessions,
    @Inject(UsersRepository) users: UsersRepository,
    @Inject(OneTimeCodes) codes: OneTimeCodes,
    @Inject(SignInCompletion) completion: SignInCompletion,
  ) {
    super(sessions, users, codes, completion);
  }
}
