import { Inject, Injectable } from '@nestjs/common';
import { RespondToAuthChallengeResponse } from '@idfed/contracts';
import { ClientForAuth } from '../../clients/clients.service';
import { CognitoErrors } from '../../common/cognito-errors';
import { MfaChallengeSession, MfaSessions } from '../../mfa/mfa-sessions';
import { MfaSignIn } from '../../mfa/mfa-sign-in';
import { UsersRepository } from '../../users/users.repository';
import { ChallengeHandler, SignInClaim } from './auth-flow';
import { deviceKeyOf } from './auth-parameters';
import { FactorInputs, FirstFactors, FirstFactorTarget, isFirstFactorChallenge } from './first-factors';
import { userOfSession } from './first-factor-sessions';

function isPasswordFactor(answer: string): boolean {
  return answer === 'PASSWORD' || answer === 'PASSWORD_SRP';
}

/** What the answer read: who it is for, the session, the factor chosen and what it needs. */
export interface ChallengeChoice {
  target: FirstFactorTarget;
  session: MfaChallengeSession;
  answer: string;
  inputs: FactorInputs;
}

/**
 * USER_AUTH's SELECT_CHALLENGE (ADR 0034): `ANSWER` is one of the session's AvailableChallenges;
 * PASSWORD comes with PASSWORD (tokens, or MFA, at once), PASSWORD_SRP with SRP_A
 * (PASSWORD_VERIFIER follows), EMAIL_OTP and SMS_OTP send a code. The Session is single-use and
 * bound to the app client and to the user (or, for a decoy, to the name typed). A password factor
 * gets the request's ClientMetadata as PreAuthentication's and UserMigration's `validationData`,
 * and PASSWORD for a name that is no user asks the pool's UserMigration function (ADR 0071).
 */
@Injectable()
export class SelectChallengeChallenge implements ChallengeHandler<ChallengeChoice> {
  readonly challenge = 'SELECT_CHALLENGE';
  readonly allowedBy = 'USER_AUTH';

  constructor(
    @Inject(MfaSessions) private readonly sessions: MfaSessions,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(MfaSignIn) private readonly mfa: MfaSignIn,
    @Inject(FirstFactors) private readonly factors: FirstFactors,
  ) {}

  async claim(
    auth: ClientForAuth,
    session: string | undefined,
    responses: Record<string, string>,
  ): Promise<SignInClaim<ChallengeChoice>> {
    const { ANSWER: answer, USERNAME: username } = responses;
    if (!answer) throw CognitoErrors.invalidParameter('Missing required parameter ANSWER');
    if (!username) throw CognitoErrors.invalidParameter('Missing required parameter USERNAME');
    if (!session) throw CognitoErrors.invalidParameter('Missing required parameter Session');
    const opened = this.sessions.openChallenge(auth.client.id, session, 'SELECT_CHALLENGE');
    const user = await userOfSession(this.users, auth, opened, username);
    const inputs = isFirstFactorChallenge(answer) ? this.factors.readInputs(answer, responses) : {};
    const deviceKey = deviceKeyOf(responses);
    return {
      secretHashNames: user ? [username, user.username] : [username],
      found: {
        target: { username, user, ...(deviceKey ? { deviceKey } : {}) },
        session: opened,
        answer,
        inputs,
      },
    };
  }

  async answer(
    auth: ClientForAuth,
    _responses: Record<string, string>,
    { target, session, answer, inputs }: ChallengeChoice,
    clientMetadata?: Record<string, string>,
  ): Promise<RespondToAuthChallengeResponse> {
    if (!isFirstFactorChallenge(answer) || !(session.available ?? []).includes(answer)) {
      throw CognitoErrors.invalidParameter(
        `Invalid value for ANSWER: ${isFirstFactorChallenge(answer) ? answer : '(not a challenge name)'}`,
      );
    }
    await this.sessions.useOnce(session);
    const pool = await this.mfa.currentPool(auth);
    // The pool may have withdrawn the factor since the session was issued.
    if (!(await this.factors.available(pool, target.user)).includes(answer)) {
      throw CognitoErrors.invalidParameter(`Invalid value for ANSWER: ${answer}`);
    }
    const { AvailableChallenges: _, ...response } = await this.factors.start(
      auth,
      pool,
      target,
      answer,
      // A password factor started here is where PreAuthentication (and UserMigration) run: they get
      // this request's ClientMetadata as `validationData`, as they get InitiateAuth's at the start.
      {
        ...inputs,
        ...(clientMetadata && isPasswordFactor(answer) ? { validationData: clientMetadata } : {}),
      },
    );
    return response;
  }
}
