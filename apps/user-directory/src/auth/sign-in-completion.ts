import { readableAttributes } from '../clients/attribute-permissions';
import { Inject, Injectable } from '@nestjs/common';
import { AuthenticationResultType, InitiateAuthResponse } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { lifetimesInSeconds } from '../clients/client-config';
import { ClientForAuth } from '../clients/clients.service';
import { CognitoErrors } from '../common/cognito-errors';
import { UserEntity, UserPoolEntity } from '../database/entities';
import { deviceNotFound, DeviceTracking } from '../devices/device-tracking';
import { MfaSignIn } from '../mfa/mfa-sign-in';
import { TokenIssuer } from '../tokens/token-issuer';
import { AuthSessionSeal } from './auth-session-seal';
import { newRefreshTokenRow } from './refresh-tokens';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { SIGN_IN_API_SCOPE } from '../tokens/token-claims';
import { TokenGenerationSource, UserPoolTriggers } from '../triggers/user-pool-triggers';
import { UserSessions } from '../sessions/user-sessions';
import { expiredTemporaryPasswordMessage, temporaryPasswordExpired } from '../users/temporary-password';

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
    @Inject(DeviceTracking) private readonly devices: DeviceTracking,
    @Inject(UserPoolTriggers) private readonly triggers: UserPoolTriggers,
    @Inject(UserSessions) private readonly sessions: Pick<UserSessions, 'makeRoomForNewSession'>,
  ) {}

  async afterPasswordProof(
    auth: ClientForAuth,
    pool: UserPoolEntity,
    user: UserEntity,
    /** The pool as read with the user (PasswordSignIn), for MFA; read afresh when absent. */
    current?: UserPoolEntity,
    /** The DEVICE_KEY the client signs in from, if it has one (ADR 0028). */
    deviceKey?: string,
    /** RespondToAuthChallenge's ClientMetadata: PostAuthentication's and PreTokenGeneration's. */
    clientMetadata?: Record<string, string>,
  ): Promise<InitiateAuthResponse> {
    if (!user.enabled) throw CognitoErrors.notAuthorized('User is disabled.');
    switch (user.status) {
      case 'UNCONFIRMED':
        throw CognitoErrors.userNotConfirmed();
      case 'RESET_REQUIRED':
        throw new ServiceError('PasswordResetRequiredException', 'Password reset required for the user');
      case 'FORCE_CHANGE_PASSWORD':
        if (temporaryPasswordExpired(user))
          throw CognitoErrors.notAuthorized(expiredTemporaryPasswordMessage(pool.config));
        return this.newPasswordRequired(auth, pool, user);
      case 'CONFIRMED':
        return this.afterFirstFactor(auth, user, current, deviceKey, undefined, clientMetadata);
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
    deviceKey?: string,
    /** PreTokenGeneration's triggerSource if the tokens follow at once (NEW_PASSWORD_REQUIRED's). */
    source?: TokenGenerationSource,
    clientMetadata?: Record<string, string>,
  ): Promise<InitiateAuthResponse> {
    // A device key names one of the user's devices or none: Cognito's answer for none makes the
    // client forget its key and sign in again as a new device. A remembered device proves itself
    // (DEVICE_SRP_AUTH) in place of the MFA challenge.
    if (deviceKey && DeviceTracking.configOf(auth.pool)) {
      const device = await this.devices.find(auth.pool, user.sub, deviceKey);
      if (!device) throw deviceNotFound();
      if (device.remembered) {
        return {
          ChallengeName: 'DEVICE_SRP_AUTH',
          Session: this.devices.sessionFor(
            auth.client.id,
            auth.client.config.authSessionValidity * 60,
            user.sub,
            deviceKey,
          ),
          ChallengeParameters: {},
        };
      }
    }
    return this.afterDevice(auth, user, pool, deviceKey, source, clientMetadata);
  }

  /** After the device (if any) is settled: the MFA challenge, or the tokens. */
  async afterDevice(
    auth: ClientForAuth,
    user: UserEntity,
    pool?: UserPoolEntity,
    deviceKey?: string,
    source?: TokenGenerationSource,
    clientMetadata?: Record<string, string>,
  ): Promise<InitiateAuthResponse> {
    const challenge = await this.mfa.challengeFor(auth, user, pool);
    if (challenge) return challenge;
    return {
      ChallengeParameters: {},
      AuthenticationResult: await this.signedIn(auth, user, deviceKey, source, clientMetadata),
    };
  }

  /**
   * The tokens of a sign-in through the sign-in API. In a pool that tracks devices the session is
   * bound to a device: the user's device the client named, else a new one, whose keys the answer
   * hands out as NewDeviceMetadata for ConfirmDevice (ADR 0028).
   */
  async signedIn(
    auth: ClientForAuth,
    user: UserEntity,
    deviceKey?: string,
    /** PreTokenGeneration's triggerSource: TokenGeneration_Authentication unless the step says. */
    source?: TokenGenerationSource,
    /**
     * The ClientMetadata of the RespondToAuthChallenge / AdminRespondToAuthChallenge that ends the
     * sign-in: Cognito hands it to PostAuthentication and PreTokenGeneration as `clientMetadata`.
     */
    clientMetadata?: Record<string, string>,
  ): Promise<AuthenticationResultType> {
    const tracked = DeviceTracking.configOf(auth.pool);
    const known = tracked && deviceKey ? await this.devices.find(auth.pool, user.sub, deviceKey) : undefined;
    // PostAuthentication (ADR 0030) once every factor is proven, before any session exists: its
    // refusal leaves nothing behind.
    await this.triggers.postAuthentication(
      auth.pool,
      auth.client.id,
      user,
      !!tracked && !known,
      clientMetadata,
    );
    if (!tracked) return this.startSession(auth, user, undefined, undefined, source, clientMetadata);
    if (known) {
      await this.devices.authenticated(known.deviceKey);
      return this.startSession(auth, user, undefined, known.deviceKey, source, clientMetadata);
    }
    const metadata = this.devices.newDevice(auth.pool.id);
    const result = await this.startSession(auth, user, undefined, metadata.DeviceKey, source, clientMetadata);
    return { ...result, NewDeviceMetadata: metadata };
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
    auth: Pick<ClientForAuth, 'client' | 'pool'>,
    user: UserEntity,
    oauth?: { scopes: string[]; nonce?: string; authTime: number; ssoSessionId?: string },
    deviceKey?: string,
    signInSource: TokenGenerationSource = 'TokenGeneration_Authentication',
    clientMetadata?: Record<string, string>,
  ): Promise<AuthenticationResultType> {
    const client = auth.client;
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
      deviceKey: deviceKey ?? null,
    });
    // A pool tracking sessions keeps the user within its maximum of token sessions, and records
    // the SSO session this one came through (ADR 0080).
    await this.sessions.makeRoomForNewSession(user.poolId, user, ids.originJti, oauth?.ssoSessionId);
    const groups = await this.refreshTokens.insertReadingGroups(refresh.row);
    let tokens: Awaited<ReturnType<TokenIssuer['issue']>>;
    try {
      const source: TokenGenerationSource = oauth ? 'TokenGeneration_HostedAuth' : signInSource;
      const overrides = await this.triggers.preTokenGeneration(
        auth.pool,
        source,
        client.id,
        user,
        groups,
        oauth?.scopes ?? [SIGN_IN_API_SCOPE],
        clientMetadata,
      );
      tokens = await this.issuer.issue(
        user.poolId,
        {
          sub: user.sub,
          username: user.username,
          attributes: readableAttributes(client.config, user.attributes),
          groups,
        },
        {
          clientId: client.id,
          ...ids,
          authTime,
          idTokenTtl: lifetimes.id,
          accessTokenTtl: lifetimes.access,
          ...(oauth ? { scopes: oauth.scopes, nonce: oauth.nonce } : {}),
          ...(deviceKey ? { deviceKey } : {}),
        },
        overrides,
      );
    } catch (err) {
      // No tokens: the refresh token stored for them (never handed out) is revoked at once.
      await this.refreshTokens.revoke(refresh.row.tokenHash, new Date());
      throw err;
    }
    return {
      AccessToken: tokens.accessToken,
      ExpiresIn: tokens.expiresIn,
      TokenType: 'Bearer',
      RefreshToken: refresh.token,
      IdToken: tokens.idToken,
    };
  }
}
