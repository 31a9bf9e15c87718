import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  GetTokensFromRefreshTokenRequest,
  GetTokensFromRefreshTokenResponse,
  SessionRevokedEvent,
  UserDirectoryOperations,
  UserDirectoryTopics,
} from '@idfed/contracts';
import { OutboxService, ServiceError } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { timingSafeEqual } from 'node:crypto';
import { rotatesRefreshTokens } from '../clients/client-config';
import { acceptedSecrets, ClientsService } from '../clients/clients.service';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, Patterns, RequestValidator } from '../common/validate';
import { RefreshTokenAuthFlow } from './flows/refresh-token-auth.flow';
import { withinRotationGrace } from './refresh-token-rotation';
import { hashRefreshToken, newRefreshTokenRow } from './refresh-tokens';
import { RefreshSession, RefreshTokensRepository } from './refresh-tokens.repository';

function secretsEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * GetTokensFromRefreshToken (ADR 0074): new ID and access tokens for the session of a live refresh
 * token, as REFRESH_TOKEN_AUTH gives them; for a client with RefreshTokenRotation ENABLED also a
 * new refresh token of the same session (same origin_jti, auth_time and expiry), the one sent
 * being accepted for RetryGracePeriodSeconds more. Sent again after that, it is a reuse: the whole
 * session is revoked (the new tokens too, whoever holds them) and RefreshTokenReuseException
 * answered. A confidential client proves itself with ClientSecret, either of its secrets.
 */
@Injectable()
export class GetTokensFromRefreshTokenUseCase implements OperationHandler<
  typeof UserDirectoryOperations.GetTokensFromRefreshToken
> {
  constructor(
    @Inject(ClientsService) private readonly clients: ClientsService,
    @Inject(RefreshTokenAuthFlow) private readonly refresh: RefreshTokenAuthFlow,
    @Inject(RefreshTokensRepository) private readonly refreshTokens: RefreshTokensRepository,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  async execute(
    req: GetTokensFromRefreshTokenRequest,
    meta?: CommandMeta,
  ): Promise<GetTokensFromRefreshTokenResponse> {
    RequestValidator.of(req)
      .string('RefreshToken', { required: true, pattern: Patterns.token, secret: true })
      .string('ClientId', Members.clientId)
      .string('ClientSecret', { min: 24, max: 64, pattern: Patterns.clientSecret, secret: true })
      .string('DeviceKey', { min: 1, max: 55, pattern: /^[\w-]+_[0-9a-f-]+$/ })
      .check();
    const auth = await this.clients.forAuth(req.ClientId, meta?.region);
    if (auth.secret) {
      const given = req.ClientSecret;
      if (!given)
        throw CognitoErrors.notAuthorized(
          `Client ${auth.client.id} is configured with secret but ClientSecret was not received`,
        );
      if (
        !acceptedSecrets(auth)
          .map((s) => secretsEqual(s, given))
          .includes(true)
      )
        throw CognitoErrors.notAuthorized(`Unable to verify the client secret for client ${auth.client.id}`);
    }
    const params = {
      REFRESH_TOKEN: req.RefreshToken,
      ...(req.DeviceKey ? { DEVICE_KEY: req.DeviceKey } : {}),
    };
    const found = await this.refresh.findLive(auth, params);
    const now = new Date();
    const rotatedAt = found.token.rotatedAt;
    if (rotatedAt && !withinRotationGrace(rotatedAt, auth.client.config, now.getTime()))
      await this.reused(found, now, meta);
    // Rotation keeps the session: a token revoked by RevokeToken ends its rotated-out siblings too.
    if (await this.refreshTokens.isSessionRevoked(found.token.originJti, found.user.sub))
      throw CognitoErrors.notAuthorized('Refresh Token has been revoked');
    const { AuthenticationResult: tokens } = await this.refresh.start(auth, params, found);
    if (!tokens) throw new Error('a refresh answered no tokens');
    if (!rotatesRefreshTokens(auth.client.config)) return { AuthenticationResult: tokens };
    const next = newRefreshTokenRow({
      userSub: found.token.userSub,
      poolId: found.token.poolId,
      clientId: found.token.clientId,
      originJti: found.token.originJti,
      eventId: found.token.eventId,
      authTime: found.token.authTime,
      expiresAt: found.token.expiresAt,
      scopes: found.token.scopes ?? null,
      deviceKey: found.token.deviceKey ?? null,
    });
    await this.transactions.run(async (tx) => {
      const first = await this.refreshTokens.markRotated(hashRefreshToken(req.RefreshToken), now, tx);
      // A concurrent use rotated it first, long enough ago: this one is the reuse.
      if (!first || !withinRotationGrace(first, auth.client.config, now.getTime()))
        throw CognitoErrors.notAuthorized('Refresh Token has been revoked');
      await this.refreshTokens.insert(next.row, tx);
    });
    return { AuthenticationResult: { ...tokens, RefreshToken: next.token } };
  }

  /** A rotated-out token sent after its grace period: the session ends, and is announced once. */
  private async reused(found: RefreshSession, now: Date, meta?: CommandMeta): Promise<never> {
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
        correlationId: meta?.requestId,
      });
      return true;
    });
    if (ended) this.outbox.nudge();
    throw new ServiceError('RefreshTokenReuseException', 'Refresh token has already been used.');
  }
}
