import { Inject, Injectable } from '@nestjs/common';
import { AuthenticationResultType, SessionRevokedEvent, UserDirectoryTopics } from '@idfed/contracts';
import { OutboxService, ServiceError } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { rotatesRefreshTokens } from '../clients/client-config';
import { ClientForAuth } from '../clients/clients.service';
import { CognitoErrors } from '../common/cognito-errors';
import { RefreshTokenAuthFlow } from './flows/refresh-token-auth.flow';
import { withinRotationGrace } from './refresh-token-rotation';
import { hashRefreshToken, newRefreshTokenRow } from './refresh-tokens';
import { RefreshSession, RefreshTokensRepository } from './refresh-tokens.repository';

export interface RenewalRequest {
  refreshToken: string;
  deviceKey?: string;
  /** Handed to the pre token generation trigger as `request.clientMetadata`. */
  clientMetadata?: Record<string, string>;
  /** The correlation id of a `session.revoked` event a reuse writes. */
  requestId?: string;
}

export interface Renewal {
  /** ID and access tokens, and for a rotating client the new refresh token. */
  tokens: AuthenticationResultType;
  /** The session's granted scopes (null: signed in through the API, not an OAuth grant). */
  scopes: string[] | null;
}

/**
 * A refresh token's session renewed, as GetTokensFromRefreshToken and the token endpoint's
 * `refresh_token` grant both renew it (ADR 0074, ADR 0081): new ID and access tokens, and for a
 * client with RefreshTokenRotation ENABLED a new refresh token of the same session (same
 * origin_jti, auth_time and expiry), the one sent being accepted for RetryGracePeriodSeconds more.
 * Sent again after that, it is a reuse: the whole session is revoked (the new tokens too, whoever
 * holds them) and RefreshTokenReuseException thrown. The caller has authenticated the client.
 */
@Injectable()
export class RefreshTokenRenewal {
  constructor(
    @Inject(RefreshTokenAuthFlow) private readonly refresh: RefreshTokenAuthFlow,
    @Inject(RefreshTokensRepository) private readonly refreshTokens: RefreshTokensRepository,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  async renew(auth: ClientForAuth, req: RenewalRequest): Promise<Renewal> {
    const params = {
      REFRESH_TOKEN: req.refreshToken,
      ...(req.deviceKey ? { DEVICE_KEY: req.deviceKey } : {}),
    };
    const found = await this.refresh.findLive(auth, params);
    const now = new Date();
    const rotatedAt = found.token.rotatedAt;
    if (rotatedAt && !withinRotationGrace(rotatedAt, auth.client.config, now.getTime()))
      await this.reused(found, now, req.requestId);
    // Rotation keeps the session: a token revoked by RevokeToken ends its rotated-out siblings too.
    if (await this.refreshTokens.isSessionRevoked(found.token.originJti, found.user.sub))
      throw CognitoErrors.notAuthorized('Refresh Token has been revoked');
    const tokens = await this.refresh.issue(auth, found, req.clientMetadata);
    const scopes = found.token.scopes ?? null;
    if (!rotatesRefreshTokens(auth.client.config)) return { tokens, scopes };
    const next = newRefreshTokenRow({
      userSub: found.token.userSub,
      poolId: found.token.poolId,
      clientId: found.token.clientId,
      originJti: found.token.originJti,
      eventId: found.token.eventId,
      authTime: found.token.authTime,
      expiresAt: found.token.expiresAt,
      scopes,
      deviceKey: found.token.deviceKey ?? null,
    });
    await this.transactions.run(async (tx) => {
      const first = await this.refreshTokens.markRotated(hashRefreshToken(req.refreshToken), now, tx);
      // A concurrent use rotated it first, long enough ago: this one is the reuse.
      if (!first || !withinRotationGrace(first, auth.client.config, now.getTime()))
        throw CognitoErrors.notAuthorized('Refresh Token has been revoked');
      await this.refreshTokens.insert(next.row, tx);
    });
    return { tokens: { ...tokens, RefreshToken: next.token }, scopes };
  }

  /** A rotated-out token sent after its grace period: the session ends, and is announced once. */
  private async reused(found: RefreshSession, now: Date, requestId?: string): Promise<never> {
    const ended = await this.transactions.run(async (tx) => {
      const revoked = await this.refreshTokens.revokeSession(found.token.originJti, found.user.sub, now, tx);
      if (!revoked) return false;
      const event: SessionRevokedEvent = {
        userPoolId: found.token.poolId,
        sub: found.user.sub,
        username: found.user.username,
        originJti: found.token.originJti,
        occurredAt: now.toISOString(),
      };
      await this.outbox.add(tx, {
        topic: UserDirectoryTopics.sessionRevoked,
        key: found.user.sub,
        payload: event,
        correlationId: requestId,
      });
      return true;
    });
    if (ended) this.outbox.nudge();
    throw new ServiceError('RefreshTokenReuseException', 'Refresh token has already been used.');
  }
}
