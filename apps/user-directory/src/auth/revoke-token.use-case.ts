import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  RevokeTokenRequest,
  RevokeTokenResponse,
  SessionRevokedEvent,
  UserDirectoryOperations,
  UserDirectoryTopics,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { OutboxService, ServiceError } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { ClientsService, isClientSecret } from '../clients/clients.service';
import { Members, Patterns, RequestValidator } from '../common/validate';
import { hashRefreshToken } from './refresh-tokens';
import { RefreshTokensRepository } from './refresh-tokens.repository';

/** RevokeToken (RFC 7009 semantics, as Cognito has them). */
@Injectable()
export class RevokeTokenUseCase implements OperationHandler<typeof UserDirectoryOperations.RevokeToken> {
  constructor(
    @Inject(RefreshTokensRepository) private readonly refreshTokens: RefreshTokensRepository,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(ClientsService) private readonly clients: ClientsService,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  /**
   * Revokes one refresh token and, with it, the access and ID tokens of its session (they share
   * its origin_jti). Other sessions of the user are untouched. A token idfed never issued is
   * accepted silently, as RFC 7009 asks; access and ID tokens cannot be revoked this way.
   */
  async execute(req: RevokeTokenRequest, meta?: CommandMeta): Promise<RevokeTokenResponse> {
    RequestValidator.of(req)
      .string('Token', { required: true, pattern: Patterns.token, secret: true })
      .string('ClientId', Members.clientId)
      .string('ClientSecret', { min: 24, max: 64, pattern: Patterns.clientSecret, secret: true })
      .oneOf('RevokeAssociatedSessions', ['NONE', 'LINKED'])
      .check();
    const auth = await this.clients.forAuth(req.ClientId, meta?.region);
    const given = req.ClientSecret;
    if (auth.secret && !(given && isClientSecret(auth, given))) {
      throw new ServiceError('UnauthorizedException', 'Unable to verify the client secret.');
    }
    if (!auth.client.config.enableTokenRevocation) {
      throw new ServiceError(
        'UnsupportedOperationException',
        'Token revocation is not enabled for this client.',
      );
    }
    if (req.Token.split('.').length === 3) {
      throw new ServiceError('UnsupportedTokenTypeException', 'Only refresh tokens can be revoked.');
    }
    const row = await this.refreshTokens.find(hashRefreshToken(req.Token));
    if (!row) return {};
    if (row.clientId !== auth.client.id) {
      throw new ServiceError('UnauthorizedException', 'The token was not issued to this client.');
    }
    if (!row.revokedAt) {
      const revoked = await this.transactions.run(async (tx) => {
        const now = new Date();
        // Of concurrent revocations of one token, one ends the session and announces it.
        const user = await this.refreshTokens.revoke(row.tokenHash, now, tx);
        if (!user) return false;
        const event: SessionRevokedEvent = {
          userPoolId: row.poolId,
          sub: row.userSub,
          username: user.username,
          originJti: row.originJti,
          occurredAt: now.toISOString(),
        };
        await this.outbox.add(tx, {
          topic: UserDirectoryTopics.sessionRevoked,
          key: row.userSub,
          payload: event,
        });
        return true;
      });
      if (revoked) this.outbox.nudge();
    }
    return {};
  }
}
