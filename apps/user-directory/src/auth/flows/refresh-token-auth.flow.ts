import { readableAttributes } from '../../clients/attribute-permissions';
import { Inject, Injectable } from '@nestjs/common';
import { AuthenticationResultType, InitiateAuthResponse } from '@idfed/contracts';
import { lifetimesInSeconds, rotatesRefreshTokens } from '../../clients/client-config';
import { ClientForAuth } from '../../clients/clients.service';
import { CognitoErrors } from '../../common/cognito-errors';
import { TokenIssuer } from '../../tokens/token-issuer';
import { SIGN_IN_API_SCOPE } from '../../tokens/token-claims';
import { UserPoolTriggers } from '../../triggers/user-pool-triggers';
import { hashRefreshToken } from '../refresh-tokens';
import { withinRotationGrace } from '../refresh-token-rotation';
import { RefreshSession, RefreshTokensRepository } from '../refresh-tokens.repository';
import { AuthFlowStrategy, SignInClaim } from './auth-flow';
import { deviceKeyOf } from './auth-parameters';

/**
 * REFRESH_TOKEN_AUTH (and its older name REFRESH_TOKEN): new ID and access tokens for the session
 * of a live refresh token, from InitiateAuth or AdminInitiateAuth. Every client may refresh.
 */
@Injectable()
export class RefreshTokenAuthFlow implements AuthFlowStrategy<RefreshSession> {
  readonly flows = ['REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN'];
  readonly operations = ['InitiateAuth', 'AdminInitiateAuth'] as const;

  constructor(
    @Inject(RefreshTokensRepository) private readonly refreshTokens: RefreshTokensRepository,
    @Inject(TokenIssuer) private readonly issuer: TokenIssuer,
    @Inject(UserPoolTriggers) private readonly triggers: UserPoolTriggers,
  ) {}

  /**
   * The token's session, if the token is live and this client's. SECRET_HASH may be computed over
   * USERNAME as sent, the stored username or the sub, so the token is looked up before it is checked.
   * A rotating client's tokens are refreshed with GetTokensFromRefreshToken only (ADR 0074).
   */
  async claim(auth: ClientForAuth, params: Record<string, string>): Promise<SignInClaim<RefreshSession>> {
    if (rotatesRefreshTokens(auth.client.config))
      throw CognitoErrors.invalidParameter(
        'Refresh token rotation is enabled for this client: use GetTokensFromRefreshToken.',
      );
    const found = await this.unrotated(auth, params);
    return { secretHashNames: [params.USERNAME, found.user.username, found.user.sub].filter(Boolean), found };
  }

  /**
   * The session of a live token (findLive) that no rotation replaced, or one still in its grace
   * period: REFRESH_TOKEN_AUTH's (ADR 0074).
   */
  async unrotated(auth: ClientForAuth, params: Record<string, string>): Promise<RefreshSession> {
    const found = await this.findLive(auth, params);
    const rotatedAt = found.token.rotatedAt;
    if (rotatedAt && !withinRotationGrace(rotatedAt, auth.client.config, Date.now()))
      throw CognitoErrors.notAuthorized('Refresh Token has been revoked');
    return found;
  }

  /**
   * The session of a live refresh token of this client (REFRESH_TOKEN and DEVICE_KEY of `params`):
   * not revoked, not expired, refreshed from the device it was issued to. Whether it was rotated
   * out is the caller's to judge.
   */
  async findLive(auth: ClientForAuth, params: Record<string, string>): Promise<RefreshSession> {
    const token = params.REFRESH_TOKEN;
    if (typeof token !== 'string' || token.length === 0)
      throw CognitoErrors.invalidParameter('Missing required parameter REFRESH_TOKEN');
    const found = await this.refreshTokens.findForRefresh(hashRefreshToken(token));
    if (!found || found.token.clientId !== auth.client.id)
      throw CognitoErrors.notAuthorized('Invalid Refresh Token');
    const { token: stored } = found;
    if (stored.revokedAt) throw CognitoErrors.notAuthorized('Refresh Token has been revoked');
    if (stored.expiresAt.getTime() <= Date.now())
      throw CognitoErrors.notAuthorized('Refresh Token has expired');
    // A token issued to a device is refreshed from that device (ADR 0028): with its DEVICE_KEY
    // once the device is confirmed, and never with another device's key.
    const deviceKey = deviceKeyOf(params);
    if (stored.deviceKey) {
      const mismatch = deviceKey ? deviceKey !== stored.deviceKey : found.deviceConfirmed;
      if (mismatch) throw CognitoErrors.notAuthorized('Invalid Refresh Token');
    }
    return found;
  }

  async start(
    auth: ClientForAuth,
    _params: Record<string, string>,
    found: RefreshSession,
  ): Promise<InitiateAuthResponse> {
    // InitiateAuth's ClientMetadata goes to PreAuthentication and UserMigration only, not here.
    return { ChallengeParameters: {}, AuthenticationResult: await this.issue(auth, found) };
  }

  /**
   * New ID and access tokens for the session, through the pre token generation trigger
   * (TokenGeneration_RefreshTokens), which GetTokensFromRefreshToken hands its ClientMetadata.
   */
  async issue(
    auth: ClientForAuth,
    { token: stored, user }: RefreshSession,
    clientMetadata?: Record<string, string>,
  ): Promise<AuthenticationResultType> {
    if (!user.enabled) throw CognitoErrors.notAuthorized('User is disabled.');
    if (user.tokensValidAfter && stored.createdAt <= user.tokensValidAfter) {
      throw CognitoErrors.notAuthorized('Refresh Token has been revoked');
    }
    const lifetimes = lifetimesInSeconds(auth.client.config);
    const claims = {
      sub: user.sub,
      username: user.username,
      attributes: readableAttributes(auth.client.config, user.attributes),
      groups: user.groups,
    };
    const overrides = await this.triggers.preTokenGeneration(
      auth.pool,
      'TokenGeneration_RefreshTokens',
      auth.client.id,
      user,
      user.groups,
      stored.scopes ?? [SIGN_IN_API_SCOPE],
      clientMetadata,
    );
    const tokens = await this.issuer.issue(
      stored.poolId,
      claims,
      {
        clientId: auth.client.id,
        originJti: stored.originJti,
        eventId: stored.eventId,
        authTime: Math.floor(stored.authTime.getTime() / 1000),
        idTokenTtl: lifetimes.id,
        accessTokenTtl: lifetimes.access,
        ...(stored.scopes ? { scopes: stored.scopes } : {}),
        ...(stored.deviceKey ? { deviceKey: stored.deviceKey } : {}),
      },
      overrides,
    );
    return {
      AccessToken: tokens.accessToken,
      ExpiresIn: tokens.expiresIn,
      TokenType: 'Bearer',
      IdToken: tokens.idToken,
    };
  }
}
