import { Inject, Injectable } from '@nestjs/common';
import { RespondToAuthChallengeResponse } from '@idfed/contracts';
import { AttemptLimiter, userSubject } from '../../attempts/attempt-limiter';
import { ClientForAuth } from '../../clients/clients.service';
import { CognitoErrors } from '../../common/cognito-errors';
import { UserEntity } from '../../database/entities';
import { MfaChallengeSession, MfaSessions } from '../../mfa/mfa-sessions';
import { MfaSignIn } from '../../mfa/mfa-sign-in';
import { UsersRepository } from '../../users/users.repository';
import { Passkeys } from '../../webauthn/passkeys';
import { SignInCompletion } from '../sign-in-completion';
import { ChallengeHandler, SignInClaim } from './auth-flow';
import { deviceKeyOf } from './auth-parameters';
import { userOfSession } from './first-factor-sessions';
import { assertAccountMaySignIn } from './first-factors';
import { AuthEventRecorder } from '../../risk/auth-event-recorder';

/** What the answer read: the user the Session was issued to (none for a decoy), the session, the assertion. */
export interface PasskeyAnswer {
  user: UserEntity | undefined;
  username: string;
  session: MfaChallengeSession;
  credential: string;
}

/**
 * USER_AUTH's WEB_AUTHN (ADR 0034): `CREDENTIAL`, an AuthenticationResponseJSON of one of the
 * user's passkeys signing the session's challenge, gives the tokens. The Session is single-use,
 * bound to the app client and the user; every answer counts on the user's `mfa-code` lockout, and
 * a wrong one (another user's credential, another challenge, a bad signature, a counter that did
 * not move) is `NotAuthorizedException`.
 */
@Injectable()
export class WebAuthnChallenge implements ChallengeHandler<PasskeyAnswer> {
  readonly challenge = 'WEB_AUTHN';
  readonly allowedBy = 'USER_AUTH';

  constructor(
    @Inject(MfaSessions) private readonly sessions: MfaSessions,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(Passkeys) private readonly passkeys: Passkeys,
    @Inject(MfaSignIn) private readonly mfa: MfaSignIn,
    @Inject(AttemptLimiter) private readonly attempts: AttemptLimiter,
    @Inject(SignInCompletion) private readonly completion: SignInCompletion,
    @Inject(AuthEventRecorder) private readonly events: AuthEventRecorder,
  ) {}

  async claim(
    auth: ClientForAuth,
    session: string | undefined,
    responses: Record<string, string>,
  ): Promise<SignInClaim<PasskeyAnswer>> {
    const { CREDENTIAL: credential, USERNAME: username } = responses;
    if (!credential) throw CognitoErrors.invalidParameter('Missing required parameter CREDENTIAL');
    if (!username) throw CognitoErrors.invalidParameter('Missing required parameter USERNAME');
    if (!session) throw CognitoErrors.invalidParameter('Missing required parameter Session');
    const opened = this.sessions.openChallenge(auth.client.id, session, 'WEB_AUTHN');
    const user = await userOfSession(this.users, auth, opened, username);
    return {
      secretHashNames: user ? [username, user.username] : [username],
      found: { user, username, session: opened, credential },
    };
  }

  async answer(
    auth: ClientForAuth,
    responses: Record<string, string>,
    { user, username, session, credential }: PasskeyAnswer,
    clientMetadata?: Record<string, string>,
  ): Promise<RespondToAuthChallengeResponse> {
    await this.sessions.useOnce(session);
    const subject = user
      ? userSubject(user)
      : this.attempts.unknownName(auth.pool.id, auth.pool.config, username);
    await this.attempts.begin('mfa-code', subject);
    const pool = await this.mfa.currentPool(auth);
    const proven =
      !!user &&
      !!session.webAuthnChallenge &&
      (await this.passkeys.verifyAssertion(pool, user, session.webAuthnChallenge, credential));
    if (!user || !proven) {
      // Threat protection's SignIn event (ADR 0091), a real user's only, written after the answer:
      // the passkey is the sign-in itself, so no ChallengeResponses (ChallengeName has no passkey).
      if (user) this.events.record(auth.pool, user, 'SignIn', 'Fail');
      throw CognitoErrors.notAuthorized();
    }
    await this.attempts.succeeded('mfa-code', subject);
    assertAccountMaySignIn(user);
    const result = await this.completion.signedIn(
      auth,
      user,
      deviceKeyOf(responses),
      undefined,
      clientMetadata,
    );
    this.events.record(auth.pool, user, 'SignIn', 'Pass');
    return { ChallengeParameters: {}, AuthenticationResult: result };
  }
}
