import { OutboxService } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { randomUUID } from 'node:crypto';
import { RefreshTokensRepository } from '../auth/refresh-tokens.repository';
import { UserEntity, UserPoolEntity } from '../database/entities';
import { sessionIdOf } from './session-ids';
import {
  SessionTrackingRepository,
  SsoSessionRow,
  StoredPoolSessionConfig,
  TokenSessionRow,
} from './session-tracking.repository';
import { MAX_SESSIONS_LISTED, requireTrackingTier, UserSessions } from './user-sessions';

const tx = {} as Transaction;
const since = new Date('2026-12-01T00:00:00Z');
const at = (minute: number) => new Date(since.getTime() + minute * 60_000);

describe('UserSessions', () => {
  let config: StoredPoolSessionConfig | undefined;
  let tokens: TokenSessionRow[];
  let sso: SsoSessionRow[];
  let revokedSessions: string[];
  let deletedSso: string[];
  let evicted: string[];
  let links: [string, string][];
  let swept: number;
  let events: unknown[];
  let clientValidity: number | undefined;
  let sessions: UserSessions;
  const pool = { id: 'us-east-1_P', config: {} } as UserPoolEntity;
  const user = { sub: 'sub-1', username: 'alice', poolId: pool.id, tokensValidAfter: null } as UserEntity;

  beforeEach(() => {
    config = { tracking: true, maxPerUser: 20, trackingSince: since };
    tokens = [];
    sso = [];
    revokedSessions = [];
    deletedSso = [];
    evicted = [];
    links = [];
    swept = 0;
    events = [];
    clientValidity = undefined;
    const repo = {
      poolConfig: async () => config,
      clientSsoValidity: async () => clientValidity,
      tokenSessions: async () => tokens,
      ssoSessions: async () => sso,
      deleteSsoSession: async (id: string, sub: string) => {
        const found = sso.some((s) => s.sessionId === id) && sub === user.sub;
        if (found) deletedSso.push(id);
        return found;
      },
      sweepLinks: async () => {
        swept += 1;
      },
      link: async (originJti: string, ssoId: string) => {
        links.push([originJti, ssoId]);
      },
      evictBeyond: async (_sub: string, _since: Date, max: number) => {
        const victims = [...tokens]
          .sort((a, b) => b.lastActiveAt.getTime() - a.lastActiveAt.getTime())
          .slice(Math.max(max - 1, 0))
          .map((t) => t.originJti);
        evicted.push(...victims);
        return victims;
      },
    } as unknown as SessionTrackingRepository;
    const refreshTokens = {
      revokeSession: async (originJti: string) => {
        revokedSessions.push(originJti);
        return true;
      },
    } as unknown as RefreshTokensRepository;
    const transactions = { run: (work: (t: Transaction) => Promise<unknown>) => work(tx) } as Transactions;
    const outbox = {
      add: async (_tx: Transaction, e: unknown) => {
        events.push(e);
      },
      nudge: () => undefined,
    } as unknown as OutboxService;
    sessions = new UserSessions(repo, refreshTokens, transactions, outbox);
  });

  const token = (minuteCreated: number, minuteActive = minuteCreated, clientId = 'c1'): TokenSessionRow => ({
    originJti: randomUUID(),
    clientId,
    createdAt: at(minuteCreated),
    lastActiveAt: at(minuteActive),
  });

  it('lists token and SSO sessions, most recently active first, the caller marked current', async () => {
    const old = token(1, 5);
    const recent = token(2, 9, 'c2');
    tokens = [recent, old];
    sso = [{ sessionId: randomUUID(), clientId: 'c1', createdAt: at(7) }];
    const listed = await sessions.list(pool, user, undefined, old.originJti);
    expect(listed.map((s) => s.SessionId)).toEqual([
      sessionIdOf('TOKEN', recent.originJti),
      sessionIdOf('SSO', sso[0].sessionId),
      sessionIdOf('TOKEN', old.originJti),
    ]);
    expect(listed.map((s) => s.IsCurrentSession)).toEqual([false, false, true]);
    expect(listed[0]).toEqual({
      SessionId: sessionIdOf('TOKEN', recent.originJti),
      SessionType: 'TOKEN',
      ClientId: 'c2',
      CreateDate: at(2).getTime() / 1000,
      LastActiveDate: at(9).getTime() / 1000,
      IsCurrentSession: false,
    });
    expect(listed[1]).toMatchObject({ SessionType: 'SSO', ClientId: 'c1', IsCurrentSession: false });
  });

  it('answers one page of at most 125 sessions, and refuses any NextToken', async () => {
    tokens = Array.from({ length: 130 }, (_, i) => token(i));
    const listed = await sessions.list(pool, user, undefined);
    expect(listed).toHaveLength(MAX_SESSIONS_LISTED);
    expect(listed[0].SessionId).toBe(sessionIdOf('TOKEN', tokens[129].originJti));
    await expect(sessions.list(pool, user, 'next')).rejects.toMatchObject({
      errorName: 'InvalidParameterException',
    });
  });

  it('is not enabled while the pool does not track sessions', async () => {
    for (const c of [undefined, { tracking: false, maxPerUser: 20, trackingSince: null }]) {
      config = c;
      await expect(sessions.list(pool, user, undefined)).rejects.toMatchObject({
        errorName: 'OperationNotEnabledException',
      });
      await expect(
        sessions.revoke(pool, user, sessionIdOf('TOKEN', randomUUID()), 'NONE', 'r'),
      ).rejects.toMatchObject({ errorName: 'OperationNotEnabledException' });
    }
  });

  it('revokes a live token session of the user and announces it', async () => {
    const live = token(1);
    tokens = [live];
    await sessions.revoke(pool, user, sessionIdOf('TOKEN', live.originJti), undefined, 'req-1');
    expect(revokedSessions).toEqual([live.originJti]);
    expect(events).toEqual([
      expect.objectContaining({
        topic: 'user-directory.session.revoked.v1',
        key: user.sub,
        correlationId: 'req-1',
        payload: expect.objectContaining({ originJti: live.originJti, sub: user.sub, userPoolId: pool.id }),
      }),
    ]);
  });

  it('answers an unknown id, an SSO id of no session and a malformed one alike', async () => {
    tokens = [token(1)];
    for (const id of [
      sessionIdOf('TOKEN', randomUUID()),
      sessionIdOf('SSO', randomUUID()),
      `tkn${'z'.repeat(25)}`,
    ]) {
      await expect(sessions.revoke(pool, user, id, 'NONE', 'r')).rejects.toMatchObject({
        errorName: 'ResourceNotFoundException',
        message: 'Session not found.',
      });
    }
    expect(revokedSessions).toEqual([]);
    expect(events).toEqual([]);
  });

  it("refuses the caller's own session, and ends an SSO session by its id", async () => {
    const mine = token(1);
    tokens = [mine];
    await expect(
      sessions.revoke(pool, user, sessionIdOf('TOKEN', mine.originJti), 'NONE', 'r', mine.originJti),
    ).rejects.toMatchObject({ errorName: 'InvalidParameterException' });
    sso = [{ sessionId: randomUUID(), clientId: null, createdAt: at(2) }];
    await sessions.revoke(pool, user, sessionIdOf('SSO', sso[0].sessionId), 'LINKED', 'r', mine.originJti);
    expect(deletedSso).toEqual([sso[0].sessionId]);
    expect(revokedSessions).toEqual([]);
  });

  it('names the SSO session a token session came through, and LINKED revokes along the link', async () => {
    const ssoId = randomUUID();
    const mine = token(1);
    const viaSso = { ...token(2), originSsoSessionId: ssoId };
    const alsoViaSso = { ...token(3), originSsoSessionId: ssoId };
    const callerViaSso = { ...token(4), originSsoSessionId: ssoId };
    tokens = [viaSso, alsoViaSso, callerViaSso, mine];
    sso = [{ sessionId: ssoId, clientId: 'c1', createdAt: at(1) }];
    const listed = await sessions.list(pool, user, undefined);
    expect(listed.find((s) => s.SessionId === sessionIdOf('TOKEN', viaSso.originJti))?.OriginSessionId).toBe(
      sessionIdOf('SSO', ssoId),
    );
    expect(listed.find((s) => s.SessionId === sessionIdOf('TOKEN', mine.originJti))).not.toHaveProperty(
      'OriginSessionId',
    );

    // A token session, LINKED: its SSO session goes with it.
    await sessions.revoke(pool, user, sessionIdOf('TOKEN', viaSso.originJti), 'LINKED', 'r', mine.originJti);
    expect(revokedSessions).toEqual([viaSso.originJti]);
    expect(deletedSso).toEqual([ssoId]);

    // An SSO session, LINKED: the token sessions that came through it, the caller's own excepted.
    revokedSessions = [];
    deletedSso = [];
    events = [];
    await sessions.revoke(pool, user, sessionIdOf('SSO', ssoId), 'LINKED', 'r', callerViaSso.originJti);
    expect(deletedSso).toEqual([ssoId]);
    expect(revokedSessions.sort()).toEqual([viaSso.originJti, alsoViaSso.originJti].sort());
    expect(events).toHaveLength(2);

    // NONE: the target alone.
    revokedSessions = [];
    deletedSso = [];
    await sessions.revoke(pool, user, sessionIdOf('TOKEN', alsoViaSso.originJti), 'NONE', 'r');
    expect(revokedSessions).toEqual([alsoViaSso.originJti]);
    expect(deletedSso).toEqual([]);
  });

  it("evicts the least recently used sessions beyond the pool's maximum less one", async () => {
    const lru = token(1, 2);
    tokens = [token(3, 8), lru, token(4, 6)];
    config = { tracking: true, maxPerUser: 3, trackingSince: since };
    await sessions.makeRoomForNewSession(pool.id, user, 'new-jti', 'sso-1');
    expect(evicted).toEqual([lru.originJti]);
    expect(links).toEqual([['new-jti', 'sso-1']]);
    expect(swept).toBe(1);
    expect(events).toHaveLength(1);
    evicted = [];
    events = [];
    config = { tracking: false, maxPerUser: 1, trackingSince: null };
    await sessions.makeRoomForNewSession(pool.id, user, 'other-jti', 'sso-2');
    expect(evicted).toEqual([]);
    expect(links).toHaveLength(1);
    expect(events).toEqual([]);
  });

  it("reuses an SSO session within the client's validity, only while tracking", async () => {
    const now = Date.now();
    const authTime = new Date(now - 30 * 60_000);
    expect(await sessions.ssoSessionReusable(pool.id, 'c1', authTime)).toBe(true);
    clientValidity = 29;
    expect(await sessions.ssoSessionReusable(pool.id, 'c1', authTime)).toBe(false);
    clientValidity = 0;
    expect(await sessions.ssoSessionReusable(pool.id, 'c1', new Date(now))).toBe(false);
    clientValidity = undefined;
    expect(await sessions.ssoSessionReusable(pool.id, 'c1', new Date(now - 61 * 60_000))).toBe(false);
    config = { tracking: false, maxPerUser: 20, trackingSince: null };
    expect(await sessions.ssoSessionReusable(pool.id, 'c1', new Date(now - 61 * 60_000))).toBe(true);
  });

  it('needs the Essentials or Plus tier', () => {
    expect(() => requireTrackingTier({ config: { userPoolTier: 'LITE' } } as UserPoolEntity)).toThrow(
      expect.objectContaining({ errorName: 'FeatureUnavailableInTierException' }),
    );
    expect(() => requireTrackingTier({ config: {} } as UserPoolEntity)).not.toThrow();
    expect(() => requireTrackingTier({ config: { userPoolTier: 'PLUS' } } as UserPoolEntity)).not.toThrow();
  });
});
