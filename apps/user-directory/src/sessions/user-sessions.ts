import { Inject, Injectable } from '@nestjs/common';
import {
  RevokeAssociatedSessionsType,
  SessionDescriptionType,
  SessionRevokedEvent,
  UserDirectoryTopics,
} from '@idfed/contracts';
import { OutboxService, ServiceError } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { RefreshTokensRepository } from '../auth/refresh-tokens.repository';
import { UserEntity, UserPoolEntity } from '../database/entities';
import { parseSessionId, sessionIdOf } from './session-ids';
import { SessionTrackingRepository } from './session-tracking.repository';

/** SessionIdType: 28 characters, `tkn` or `sso` and 25 lowercase letters and digits. */
export const SESSION_ID_MEMBER = { required: true, min: 28, max: 28, pattern: /^(tkn|sso)[a-z0-9]{25}$/ };

/** Cognito's defaults of a pool that never had SetUserPoolSessionConfiguration called. */
export const DEFAULT_MAX_SESSIONS_PER_USER = 20;
/** ...and of an app client that never had SetUserPoolClientSessionConfiguration called. */
export const DEFAULT_SSO_MAX_VALIDITY_MINUTES = 60;
/** One page of ListUserSessions holds every session, up to this many. */
export const MAX_SESSIONS_LISTED = 125;

export interface PoolSessionConfig {
  tracking: boolean;
  maxPerUser: number;
  trackingSince: Date | null;
}

export const SessionErrors = {
  notTracking: () =>
    new ServiceError(
      'OperationNotEnabledException',
      'User session tracking is not enabled for this user pool.',
    ),
  liteTier: () =>
    new ServiceError(
      'FeatureUnavailableInTierException',
      'User session tracking is not available in the Lite tier. Upgrade the user pool to the Essentials or Plus tier.',
    ),
  /** An unknown id and another user's session get the same answer: no enumeration. */
  notFound: () => new ServiceError('ResourceNotFoundException', 'Session not found.'),
  current: () =>
    new ServiceError('InvalidParameterException', 'The session of the access token cannot be revoked.'),
  badPageToken: () => new ServiceError('InvalidParameterException', 'Invalid pagination token.'),
};

/** Session tracking needs the Essentials or Plus tier; a pool made without a tier is Essentials. */
export function requireTrackingTier(pool: UserPoolEntity): void {
  if ((pool.config.userPoolTier ?? 'ESSENTIALS') === 'LITE') throw SessionErrors.liteTier();
}

/**
 * A user's sessions (ADR 0080): token sessions are the refresh token sessions (one origin_jti, its
 * access and ID tokens with it), SSO sessions the hosted pages' sign-in sessions. Listing and
 * revoking them, and keeping a user within the pool's maximum of token sessions, are only done
 * while the pool tracks sessions, and only for sessions opened since tracking was turned on.
 */
@Injectable()
export class UserSessions {
  constructor(
    @Inject(SessionTrackingRepository) private readonly repo: SessionTrackingRepository,
    @Inject(RefreshTokensRepository) private readonly refreshTokens: RefreshTokensRepository,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  async config(poolId: string, tx?: Transaction): Promise<PoolSessionConfig> {
    const stored = await this.repo.poolConfig(poolId, tx);
    return stored ?? { tracking: false, maxPerUser: DEFAULT_MAX_SESSIONS_PER_USER, trackingSince: null };
  }

  /** The instant tracked sessions began, or OperationNotEnabledException while tracking is off. */
  async requireTracking(poolId: string): Promise<Date> {
    const config = await this.config(poolId);
    if (!config.tracking || !config.trackingSince) throw SessionErrors.notTracking();
    return config.trackingSince;
  }

  /** Every live session of the user, most recently active first; one page (NextToken never set). */
  async list(
    pool: UserPoolEntity,
    user: UserEntity,
    nextToken: string | undefined,
    currentOriginJti?: string,
  ): Promise<SessionDescriptionType[]> {
    const since = await this.requireTracking(pool.id);
    // Every session fits the one page answered: no NextToken was ever issued to come back.
    if (nextToken !== undefined) throw SessionErrors.badPageToken();
    const [tokens, sso] = await Promise.all([
      this.repo.tokenSessions(user.sub, since),
      this.repo.ssoSessions(user.sub, since, user.tokensValidAfter),
    ]);
    const described: { at: number; session: SessionDescriptionType }[] = [
      ...tokens.map((t) => ({
        at: t.lastActiveAt.getTime(),
        session: {
          SessionId: sessionIdOf('TOKEN', t.originJti),
          SessionType: 'TOKEN' as const,
          ClientId: t.clientId,
          CreateDate: t.createdAt.getTime() / 1000,
          LastActiveDate: t.lastActiveAt.getTime() / 1000,
          ...(t.originSsoSessionId ? { OriginSessionId: sessionIdOf('SSO', t.originSsoSessionId) } : {}),
          IsCurrentSession: t.originJti === currentOriginJti,
        },
      })),
      ...sso.map((s) => ({
        at: s.createdAt.getTime(),
        session: {
          SessionId: sessionIdOf('SSO', s.sessionId),
          SessionType: 'SSO' as const,
          ...(s.clientId ? { ClientId: s.clientId } : {}),
          CreateDate: s.createdAt.getTime() / 1000,
          LastActiveDate: s.createdAt.getTime() / 1000,
          IsCurrentSession: false,
        },
      })),
    ];
    return described
      .sort((a, b) => b.at - a.at)
      .slice(0, MAX_SESSIONS_LISTED)
      .map((d) => d.session);
  }

  /**
   * Revokes one session of the user. A token session ends as RevokeToken ends one (its refresh
   * tokens revoked, its access tokens refused, `session.revoked` through the outbox); an SSO
   * session's cookie signs in no more. LINKED also ends, for a token session, the SSO session it
   * came through and, for an SSO session, the token sessions that came through it (the caller's
   * own excepted). An id of no live tracked session of this user, whoever's it is, is
   * ResourceNotFoundException.
   */
  async revoke(
    pool: UserPoolEntity,
    user: UserEntity,
    sessionId: string,
    associated: RevokeAssociatedSessionsType | undefined,
    correlationId: string,
    currentOriginJti?: string,
  ): Promise<void> {
    const since = await this.requireTracking(pool.id);
    const target = parseSessionId(sessionId);
    if (!target) throw SessionErrors.notFound();
    if (target.kind === 'TOKEN' && target.uuid === currentOriginJti) throw SessionErrors.current();
    const linked = associated === 'LINKED';
    const found = await this.transactions.run(async (tx) => {
      const live = await this.repo.tokenSessions(user.sub, since, tx);
      let tokenSessions: string[];
      if (target.kind === 'SSO') {
        if (!(await this.repo.deleteSsoSession(target.uuid, user.sub, since, tx))) return false;
        tokenSessions = linked
          ? live
              .filter((s) => s.originSsoSessionId === target.uuid && s.originJti !== currentOriginJti)
              .map((s) => s.originJti)
          : [];
      } else {
        const session = live.find((s) => s.originJti === target.uuid);
        if (!session) return false;
        tokenSessions = [session.originJti];
        if (linked && session.originSsoSessionId)
          await this.repo.deleteSsoSession(session.originSsoSessionId, user.sub, since, tx);
      }
      const now = new Date();
      const ended: string[] = [];
      for (const originJti of tokenSessions)
        if (await this.refreshTokens.revokeSession(originJti, user.sub, now, tx)) ended.push(originJti);
      // Of concurrent revocations of one token session, one ends it; the other finds none.
      if (target.kind === 'TOKEN' && !ended.length) return false;
      await this.announce(tx, pool.id, user, ended, now, correlationId);
      return true;
    });
    if (!found) throw SessionErrors.notFound();
    this.outbox.nudge();
  }

  /**
   * Before a new token session of a user (a successful authentication): while the pool tracks
   * sessions, the least recently used ones beyond its maximum less one are revoked, so that the
   * new one keeps the user within it. Lowering the maximum evicts nothing until then.
   */
  async makeRoomForNewSession(
    poolId: string,
    user: Pick<UserEntity, 'sub' | 'username'>,
    originJti?: string,
    ssoSessionId?: string,
  ): Promise<void> {
    const config = await this.repo.poolConfig(poolId);
    if (!config?.tracking || !config.trackingSince) return;
    const since = config.trackingSince;
    const evicted = await this.transactions.run(async (tx) => {
      const now = new Date();
      // Links of ended sessions go first: the new one's refresh token is not stored yet.
      await this.repo.sweepLinks(user.sub, tx);
      if (originJti && ssoSessionId) await this.repo.link(originJti, ssoSessionId, user.sub, now, tx);
      const ended = await this.repo.evictBeyond(user.sub, since, config.maxPerUser, now, tx);
      if (ended.length) await this.announce(tx, poolId, user, ended, now);
      return ended.length;
    });
    if (evicted) this.outbox.nudge();
  }

  /**
   * Whether the hosted pages may sign a browser in to this client silently with its SSO session:
   * while the pool tracks sessions, only within the client's SSO session validity (60 minutes if
   * never set; 0, never) of the user's last fresh authentication. Without tracking, the client's
   * setting is dormant and the session's own lifetime alone counts.
   */
  async ssoSessionReusable(poolId: string, clientId: string, authTime: Date): Promise<boolean> {
    const config = await this.repo.poolConfig(poolId);
    if (!config?.tracking) return true;
    const minutes = (await this.repo.clientSsoValidity(clientId)) ?? DEFAULT_SSO_MAX_VALIDITY_MINUTES;
    return Date.now() - authTime.getTime() < minutes * 60_000;
  }

  private async announce(
    tx: Transaction,
    poolId: string,
    user: Pick<UserEntity, 'sub' | 'username'>,
    originJtis: string[],
    at: Date,
    correlationId?: string,
  ): Promise<void> {
    for (const originJti of originJtis) {
      const event: SessionRevokedEvent = {
        userPoolId: poolId,
        sub: user.sub,
        username: user.username,
        originJti,
        occurredAt: at.toISOString(),
      };
      await this.outbox.add(tx, {
        topic: UserDirectoryTopics.sessionRevoked,
        key: user.sub,
        payload: event,
        ...(correlationId ? { correlationId } : {}),
      });
    }
  }
}
