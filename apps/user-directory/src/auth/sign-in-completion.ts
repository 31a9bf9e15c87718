import { Inject, Injectable } from '@nestjs/common';
import { AuthenticationResultType, InitiateAuthResponse } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { lifetimesInSeconds } from '../clients/client-config';
import { ClientForAuth } from '../clients/clients.service';
import { CognitoErrors } from '../common/cognito-errors';
import { AppClientEntity, UserEntity, UserPoolEntity } from '../database/entities';
import { MfaSignIn } from '../mfa/mfa-sign-in';
import { TokenIssuer } from '../tokens/token-issuer';
import { AuthSessionSeal } from './auth-session-seal';
import { newRefreshTokenRow } from './refresh-tokens';
import { RefreshTokensRepository } from './refresh-tokens.repository';

/** What the Session of a NEW_PASSWORD_REQUIRED challenge carries (sealed). */
export interface NewPasswordSession {
  sub: string;
}

/**
 * The end of every sign-in, whichever way the password was proven (USER_PASSWORD_AUTH, SRP,
 * ADMIN_USER_PASSWORD_AUTH): the account checks Cognito makes, then either the next challenge
 * (a new password, MFA) or a new session's ID, access and refresh tokens.
 */
@Injectable()
export class SignInCompletion {
  constructor(
    @Inject(TokenIssuer) private readonly issuer: TokenIssuer,
    @Inject(AuthSessionSeal) private readonly seal: AuthSessionSeal,
    @Inject(RefreshTokensRepository) private readonly refreshTokens: RefreshTokensRepository,
    @Inject(MfaSignIn) private readonly mfa: MfaSignIn,
  ) {}

  async afterPasswordProof(
    auth: ClientForAuth,
    pool: UserPoolEntity,
    user: UserEntity,
    /** The pool as read with the user (PasswordSignIn), for MFA; read afresh when absent. */
    current?: UserPoolEntity,
  ): Promise<InitiateAuthResponse> {
    if (!user.enabled) throw CognitoErrors.notAuthorized('User is disabled.');
    switch (user.status) {
      case 'UNCONFIRMED':
        throw CognitoErrors.userNotConfirmed();
      case 'RESET_REQUIRED':
        throw new ServiceError('PasswordResetRequiredException', 'Password reset required for the user');
      case 'FORCE_CHANGE_PASSWORD':
        if (user.passwordExpiresAt && user.passwordExpiresAt.getTime() <= Date.now()) {
          throw CognitoErrors.notAuthorized(
            'Temporary password has expired and must be reset by an administrator.',
          );
        }
        return this.newPasswordRequired(auth, pool, user);
      case 'CONFIRMED':
        return this.afterFirstFactor(auth, user, current);
      case 'EXTERNAL_PROVIDER':
        // A federated user has no password; it signs in through its provider only.
        throw CognitoErrors.notAuthorized();
    }
  }

  /**
   * The password is proven and the account may sign in: the MFA challenge the pool and the user
   * call for (MfaSignIn), or the tokens. Tokens come only after the second factor. `pool` is the
   * pool as read with the user, when the caller has it; MfaSignIn reads it afresh otherwise.
   */
  async afterFirstFactor(
    auth: ClientForAuth,
    user: UserEntity,
    pool?: UserPoolEntity,
  ): Promise<InitiateAuthResponse> {
    const challenge = await this.mfa.challengeFor(auth, user, pool);
    if (challenge) return challenge;
    return { ChallengeParameters: {}, AuthenticationResult: await this.startSession(auth.client, user) };
  }

  /**
   * A temporary password was right: the user must choose their own. The Session is sealed like
   * SECRET_BLOCK; the parameters are what amazon-cognito-identity-js hands to newPasswordRequired.
   */
  private newPasswordRequired(
    auth: ClientForAuth,
    pool: UserPoolEntity,
    user: UserEntity,
  ): InitiateAuthResponse {
    const session: NewPasswordSession = { sub: user.sub };
    const missing = pool.config.schema
      .filter((a) => a.Required && a.Name !== 'sub' && !user.attributes[a.Name!])
      .map((a) => `userAttributes.${a.Name}`);
    return {
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: this.seal.seal(
        'new-password-session',
        auth.client.id,
        session,
        auth.client.config.authSessionValidity * 60,
      ),
      ChallengeParameters: {
        USER_ID_FOR_SRP: user.username,
        requiredAttributes: JSON.stringify(missing),
        userAttributes: JSON.stringify(user.attributes),
      },
    };
  }

  /**
   * Issues the tokens of a new session and stores its refresh token. The OAuth endpoints pass the
   * scopes granted, the request's nonce and when the user signed in on the hosted pages.
   */
  async startSession(
    client: AppClientEntity,
    user: UserEntity,
    oauth?: { scopes: string[]; nonce?: string; authTime: number },
  ): Promise<AuthenticationResultType> {
    const lifetimes = lifetimesInSeconds(client.config);
    const ids = this.issuer.newSessionIds();
    const now = Math.floor(Date.now() / 1000);
    const authTime = oauth?.authTime ?? now;
    const refresh = newRefreshTokenRow({
      userSub: user.sub,
      poolId: user.poolId,
      clientId: client.id,
      ...ids,
      authTime: new Date(authTime * 1000),
      expiresAt: new Date((now + lifetimes.refresh) * 1000),
      scopes: oauth?.scopes ?? null,
    });
    const groups = await this.refreshTokens.insertReadingGroups(refresh.row);
    const tokens = await this.issuer.issue(
      user.poolId,
      { sub: user.sub, username: user.username, attributes: user.attributes, groups },
      {
        clientId: client.id,
        ...ids,
        authTime,
        idTokenTtl: lifetimes.id,
        accessTokenTtl: lifetimes.access,
        ...(oauth ? { scopes: oauth.scopes, nonce: oauth.nonce } : {}),
      },
    );
    return {
      AccessToken: tokens.accessToken,
      ExpiresIn: tokens.expiresIn,
      TokenType: 'Bearer',
      RefreshToken: refresh.token,
      IdToken: tokens.idToken,
    };
  }
}
