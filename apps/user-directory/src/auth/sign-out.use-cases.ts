import { timingSafeEqual } from 'node:crypto';
import {
  AccessTokenRequest,
  AdminUserGlobalSignOutResponse,
  AdminUserRequest,
  GlobalSignOutResponse,
  RevokeTokenRequest,
  RevokeTokenResponse,
  SessionRevokedEvent,
  UserDirectoryTopics,
} from '@idfed/contracts';
import { OutboxService, ServiceError } from '@idfed/messaging';
import { DataSource } from 'typeorm';
import { ClientsService } from '../clients/clients.service';
import { Members, Patterns, RequestValidator } from '../common/validate';
import { RefreshTokenEntity, UserEntity } from '../database/entities';
import { PoolsService } from '../pools/pools.service';
import { lockUser, requireAdminUser } from '../users/user-lookup';
import { AccessTokenVerifier } from './access-token.verifier';
import { hashRefreshToken } from './refresh-tokens';
import { endAllSessions } from './sessions';

function secretsEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** GlobalSignOut, AdminUserGlobalSignOut and RevokeToken. */
export class SignOutUseCases {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pools: PoolsService,
    private readonly clients: ClientsService,
    private readonly tokens: AccessTokenVerifier,
    private readonly outbox: OutboxService,
  ) {}

  /** The holder of an access token signs the user out of every device. */
  async global(req: AccessTokenRequest, correlationId: string): Promise<GlobalSignOutResponse> {
    RequestValidator.of(req).string('AccessToken', Members.accessToken).check();
    const user = await this.tokens.userOf(req.AccessToken);
    await this.dataSource.transaction(async (m) => {
      const locked = await lockUser(m, user.sub);
      await endAllSessions(m, this.outbox, locked, correlationId);
    });
    this.outbox.nudge();
    return {};
  }

  async adminGlobal(req: AdminUserRequest, correlationId: string): Promise<AdminUserGlobalSignOutResponse> {
    await this.dataSource.transaction(async (m) => {
      const { user } = await requireAdminUser(m, this.pools, req);
      await endAllSessions(m, this.outbox, user, correlationId);
    });
    this.outbox.nudge();
    return {};
  }

  /**
   * Revokes one refresh token and, with it, the access and ID tokens of its session (they share
   * its origin_jti). Other sessions of the user are untouched. A token idfed never issued is
   * accepted silently, as RFC 7009 asks; access and ID tokens cannot be revoked this way.
   */
  async revokeToken(req: RevokeTokenRequest): Promise<RevokeTokenResponse> {
    RequestValidator.of(req)
      .string('Token', { required: true, pattern: Patterns.token, secret: true })
      .string('ClientId', Members.clientId)
      .string('ClientSecret', { min: 24, max: 64, pattern: Patterns.clientSecret, secret: true })
      .oneOf('RevokeAssociatedSessions', ['NONE', 'LINKED'])
      .check();
    const auth = await this.clients.forAuth(req.ClientId);
    if (auth.secret && !(req.ClientSecret && secretsEqual(auth.secret, req.ClientSecret))) {
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
    const row = await this.dataSource.manager.findOne(RefreshTokenEntity, {
      where: { tokenHash: hashRefreshToken(req.Token) },
    });
    if (!row) return {};
    if (row.clientId !== auth.client.id) {
      throw new ServiceError('UnauthorizedException', 'The token was not issued to this client.');
    }
    if (!row.revokedAt) {
      await this.dataSource.transaction(async (m) => {
        const now = new Date();
        await m.update(RefreshTokenEntity, { tokenHash: row.tokenHash }, { revokedAt: now });
        const user = await m.findOneOrFail(UserEntity, { where: { sub: row.userSub } });
        const event: SessionRevokedEvent = {
          userPoolId: row.poolId,
          sub: row.userSub,
          username: user.username,
          originJti: row.originJti,
          occurredAt: now.toISOString(),
        };
        await this.outbox.add(m, {
          topic: UserDirectoryTopics.sessionRevoked,
          key: row.userSub,
          payload: event,
        });
      });
      this.outbox.nudge();
    }
    return {};
  }
}
