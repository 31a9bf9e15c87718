import { Inject, Injectable } from '@nestjs/common';
import { RespondToAuthChallengeResponse } from '@idfed/contracts';
import { ClientForAuth } from '../../clients/clients.service';
import { CognitoErrors } from '../../common/cognito-errors';
import { UserEntity } from '../../database/entities';
import { MfaChallengeSession, MfaSessions } from '../../mfa/mfa-sessions';
import { SoftwareTokens } from '../../mfa/software-tokens';
import { UsersRepository } from '../../users/users.repository';
import { SignInCompletion } from '../sign-in-completion';
import { deviceKeyOf } from './auth-parameters';
import { ChallengeHandler, SignInClaim } from './auth-flow';
import { AuthEventRecorder, recordingWrongCode } from '../../risk/auth-event-recorder';

/** What the answer read: the user the Session was issued to, the session, and the code. */
export interface SoftwareTokenAnswer {
  user: UserEntity;
  session: MfaChallengeSession;
  code: string;
}

/**
 * SOFTWARE_TOKEN_MFA, after a proven password when the user's software token is on: the code of
 * their authenticator app, then the tokens. The Session is single-use (a wrong code uses it up, as
 * Cognito's does), bound to the app client and to the user it was issued to; the code is counted on
 * the user's `mfa-code` lockout and accepted once (SoftwareTokens).
 */
@Injectable()
export class SoftwareTokenMfaChallenge implements ChallengeHandler<SoftwareTokenAnswer> {
  readonly challenge = 'SOFTWARE_TOKEN_MFA';

  constructor(
    @Inject(MfaSessions) private readonly sessions: MfaSessions,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(SoftwareTokens) private readonly tokens: SoftwareTokens,
    @Inject(SignInCompletion) private readonly completion: SignInCompletion,
    @Inject(AuthEventRecorder) private readonly events: AuthEventRecorder,
  ) {}

  async claim(
    auth: ClientForAuth,
    session: string | undefined,
    responses: Record<string, string>,
  ): Promise<SignInClaim<SoftwareTokenAnswer>> {
    const { SOFTWARE_TOKEN_MFA_CODE: code, USERNAME: username } = responses;
    if (!code) throw CognitoErrors.invalidParameter('Missing required parameter SOFTWARE_TOKEN_MFA_CODE');
    if (!username) throw CognitoErrors.invalidParameter('Missing required parameter USERNAME');
    if (!session) throw CognitoErrors.invalidParameter('Missing required parameter Session');
    const opened = this.sessions.openChallenge(auth.client.id, session, 'SOFTWARE_TOKEN_MFA');
    const user = await this.users.findByName(auth.pool.id, auth.pool.config, username);
    if (!user || user.sub !== opened.sub) throw CognitoErrors.notAuthorized('Invalid session for the user.');
    return { secretHashNames: [username, user.username], found: { user, session: opened, code } };
  }

  async answer(
    auth: ClientForAuth,
    responses: Record<string, string>,
    { user, session, code }: SoftwareTokenAnswer,
    clientMetadata?: Record<string, string>,
  ): Promise<RespondToAuthChallengeResponse> {
    await this.sessions.useOnce(session);
    if (!user.enabled) throw CognitoErrors.notAuthorized('User is disabled.');
    // Threat protection's SignIn event for the answer (ADR 0083), written after the answer.
    await recordingWrongCode(this.tokens.checkSignInCode(user, code), () =>
      this.events.recordMfa(auth.pool, user, false),
    );
    const result = await this.completion.signedIn(
      auth,
      user,
      deviceKeyOf(responses),
      undefined,
      clientMetadata,
    );
    this.events.recordMfa(auth.pool, user, true);
    return { ChallengeParameters: {}, AuthenticationResult: result };
  }
}
