import { Inject, Injectable } from '@nestjs/common';
import { RespondToAuthChallengeResponse } from '@idfed/contracts';
import { ClientForAuth } from '../../clients/clients.service';
import { CognitoErrors } from '../../common/cognito-errors';
import { UserEntity } from '../../database/entities';
import { MfaSessions, MfaSetupSession } from '../../mfa/mfa-sessions';
import { UserMfaRepository } from '../../mfa/user-mfa.repository';
import { UsersRepository } from '../../users/users.repository';
import { SignInCompletion } from '../sign-in-completion';
import { deviceKeyOf } from './auth-parameters';
import { ChallengeHandler, SignInClaim } from './auth-flow';

/** What the answer read: the user the Session was issued to, and the session. */
export interface MfaSetupAnswer {
  user: UserEntity;
  session: MfaSetupSession;
}

/**
 * MFA_SETUP, the last step of a sign-in to a pool that requires MFA by a user who had none: after
 * AssociateSoftwareToken and VerifySoftwareToken with the challenge's Session, the Session that
 * VerifySoftwareToken returned is answered here for the tokens. It must have been issued to this
 * app client and this user, and is single-use.
 */
@Injectable()
export class MfaSetupChallenge implements ChallengeHandler<MfaSetupAnswer> {
  readonly challenge = 'MFA_SETUP';

  constructor(
    @Inject(MfaSessions) private readonly sessions: MfaSessions,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(UserMfaRepository) private readonly mfa: UserMfaRepository,
    @Inject(SignInCompletion) private readonly completion: SignInCompletion,
  ) {}

  async claim(
    auth: ClientForAuth,
    session: string | undefined,
    responses: Record<string, string>,
  ): Promise<SignInClaim<MfaSetupAnswer>> {
    const { USERNAME: username } = responses;
    if (!username) throw CognitoErrors.invalidParameter('Missing required parameter USERNAME');
    if (!session) throw CognitoErrors.invalidParameter('Missing required parameter Session');
    const opened = this.sessions.openSetup(session, ['verified']);
    if (opened.clientId !== auth.client.id)
      throw CognitoErrors.notAuthorized('Invalid session for the user.');
    const user = await this.users.findByName(auth.pool.id, auth.pool.config, username);
    if (!user || user.sub !== opened.sub) throw CognitoErrors.notAuthorized('Invalid session for the user.');
    return { secretHashNames: [username, user.username], found: { user, session: opened } };
  }

  async answer(
    auth: ClientForAuth,
    responses: Record<string, string>,
    { user, session }: MfaSetupAnswer,
    clientMetadata?: Record<string, string>,
  ): Promise<RespondToAuthChallengeResponse> {
    await this.sessions.useOnce(session);
    if (!user.enabled) throw CognitoErrors.notAuthorized('User is disabled.');
    // The verified token may have been turned off since (SetUserMFAPreference with an access token
    // is not at hand here, but an administrator's AdminSetUserMFAPreference is).
    const mfa = await this.mfa.find(user.sub);
    if (!mfa?.totpEnabled || !mfa.totpSecretEnc) throw CognitoErrors.softwareTokenNotFound();
    return {
      ChallengeParameters: {},
      AuthenticationResult: await this.completion.signedIn(
        auth,
        user,
        deviceKeyOf(responses),
        undefined,
        clientMetadata,
      ),
    };
  }
}
