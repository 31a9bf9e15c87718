import { Inject, Injectable } from '@nestjs/common';
import { RespondToAuthChallengeResponse } from '@idfed/contracts';
import { AttemptLimiter } from '../../attempts/attempt-limiter';
import { ClientForAuth } from '../../clients/clients.service';
import { CognitoErrors } from '../../common/cognito-errors';
import { UserEntity } from '../../database/entities';
import { MfaChallengeSession, MfaSessions } from '../../mfa/mfa-sessions';
import { CodeFactor, OneTimeCodes } from '../../mfa/one-time-codes';
import { UsersRepository } from '../../users/users.repository';
import { SignInCompletion } from '../sign-in-completion';
import { deviceKeyOf } from './auth-parameters';
import { ChallengeHandler, SignInClaim } from './auth-flow';
import { userOfSession } from './first-factor-sessions';
import { assertAccountMaySignIn } from './first-factors';
import { CodeSignInVerification } from './code-sign-in-verification';
import { AuthEventRecorder, recordingWrongCode } from '../../risk/auth-event-recorder';

/**
 * What the answer read: the user the Session was issued to (none for a decoy session, ADR 0034),
 * the name the answer gave, the session, and the code.
 */
export interface OneTimeCodeAnswer {
  user: UserEntity | undefined;
  username: string;
  session: MfaChallengeSession;
  code: string;
}

/**
 * SMS_MFA and EMAIL_OTP (ADR 0022): the code sent with the challenge, then the tokens. As
 * SOFTWARE_TOKEN_MFA's, the Session is single-use (a wrong code uses it up), bound to the app
 * client, to the user it was issued to and to its factor; the code is counted on the user's
 * `mfa-code` lockout and checked once (OneTimeCodes). USER_AUTH's EMAIL_OTP and SMS_OTP (ADR 0034)
 * are the same with a first-factor session: the account is checked after the code, and a decoy
 * session (a name that is no user) fails as a wrong code does, counted on that name's lockout.
 */
abstract class OneTimeCodeChallenge implements ChallengeHandler<OneTimeCodeAnswer> {
  abstract readonly challenge: CodeFactor | 'SMS_OTP';
  /** The factor whose code (and message) it checks. */
  protected abstract readonly factor: CodeFactor;
  /** The ChallengeResponses member that carries the code. */
  protected abstract readonly codeMember: string;

  // The subclasses declare no constructor: Nest reads these injections through the class chain.
  constructor(
    @Inject(MfaSessions) private readonly sessions: MfaSessions,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(OneTimeCodes) private readonly codes: OneTimeCodes,
    @Inject(SignInCompletion) private readonly completion: SignInCompletion,
    @Inject(AttemptLimiter) private readonly attempts: AttemptLimiter,
    @Inject(CodeSignInVerification) private readonly verification: CodeSignInVerification,
    @Inject(AuthEventRecorder) private readonly events: AuthEventRecorder,
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
    const user = await userOfSession(this.users, auth, opened, username);
    return {
      secretHashNames: user ? [username, user.username] : [username],
      found: { user, username, session: opened, code },
    };
  }

  async answer(
    auth: ClientForAuth,
    responses: Record<string, string>,
    { user, username, session, code }: OneTimeCodeAnswer,
    clientMetadata?: Record<string, string>,
  ): Promise<RespondToAuthChallengeResponse> {
    await this.sessions.useOnce(session);
    if (!user) {
      // A decoy: counted as a wrong code of that name, and refused as one.
      await this.attempts.begin(
        'mfa-code',
        this.attempts.unknownName(auth.pool.id, auth.pool.config, username),
      );
      throw CognitoErrors.otpCodeMismatch();
    }
    if (!session.firstFactor && !user.enabled) throw CognitoErrors.notAuthorized('User is disabled.');
    // Threat protection's SignIn event, written after the answer: a second factor's names the
    // password and the code (ADR 0089); USER_AUTH's first-factor code is the sign-in itself, with
    // no ChallengeResponses (ADR 0091: ChallengeName has only Password and Mfa).
    const mfa = !session.firstFactor;
    await recordingWrongCode(this.codes.check(user, this.factor, session.id, code), () => {
      if (mfa) this.events.recordMfa(auth.pool, user, false);
      else this.events.record(auth.pool, user, 'SignIn', 'Fail');
    });
    if (session.firstFactor) assertAccountMaySignIn(user);
    const signedIn = session.firstFactor
      ? await this.verification.verified(user, this.factor === 'EMAIL_OTP' ? 'email' : 'phone_number')
      : user;
    const result = await this.completion.signedIn(
      auth,
      signedIn,
      deviceKeyOf(responses),
      undefined,
      clientMetadata,
    );
    if (mfa) this.events.recordMfa(auth.pool, user, true);
    else this.events.record(auth.pool, user, 'SignIn', 'Pass');
    return { ChallengeParameters: {}, AuthenticationResult: result };
  }
}

/** SMS_MFA: the code sent to the user's phone number, answered as SMS_MFA_CODE. */
@Injectable()
export class SmsMfaChallenge extends OneTimeCodeChallenge {
  readonly challenge = 'SMS_MFA';
  protected readonly factor = 'SMS_MFA';
  protected readonly codeMember = 'SMS_MFA_CODE';
}

/** SMS_OTP: USER_AUTH's first-factor code sent to the user's phone, answered as SMS_OTP_CODE (ADR 0034). */
@Injectable()
export class SmsOtpChallenge extends OneTimeCodeChallenge {
  readonly challenge = 'SMS_OTP';
  readonly allowedBy = 'USER_AUTH';
  protected readonly factor = 'SMS_MFA';
  protected readonly codeMember = 'SMS_OTP_CODE';
}

/**
 * EMAIL_OTP: the code sent to the user's email, answered as EMAIL_OTP_CODE; an MFA factor after a
 * password, or USER_AUTH's first factor (the session says which).
 */
@Injectable()
export class EmailOtpChallenge extends OneTimeCodeChallenge {
  readonly challenge = 'EMAIL_OTP';
  protected readonly factor = 'EMAIL_OTP';
  protected readonly codeMember = 'EMAIL_OTP_CODE';
}
