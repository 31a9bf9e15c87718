import { randomBytes, randomUUID } from 'node:crypto';
import { RefreshTokensRepository } from '../src/auth/refresh-tokens.repository';
import { HostedSessionsRepository } from '../src/oauth/hosted-sessions.repository';
import { SessionTrackingRepository } from '../src/sessions/session-tracking.repository';
import { UserDirectoryTestDatabase } from './support/user-directory-database';

/**
 * Session tracking's queries on PostgreSQL (ADR 0080): `tracking_since` moves only when tracking
 * is turned on; a token session is live while none of its refresh tokens is revoked and one is
 * unexpired, and tracked when it began since; eviction keeps the most recently used; ended
 * sessions' links are swept once a minute old; an SSO session is ended only by its own user.
 */
describe('SessionTrackingRepository on PostgreSQL', () => {
  let db: UserDirectoryTestDatabase;
  let repo: SessionTrackingRepository;
  let refreshTokens: RefreshTokensRepository;
  let hosted: HostedSessionsRepository;
  const poolId = 'us-east-1_SessTrack';
  const clientId = 'sesstrackclient0000000001';
  const start = Date.now();
  const minutes = (n: number) => new Date(start + n * 60_000);

  async function aUser(): Promise<string> {
    const sub = randomUUID();
    await db.dataSource.query(
      `INSERT INTO user_directory.users (sub, pool_id, username, username_key, status, enabled, attributes)
       VALUES ($1, $2, $3, $3, 'CONFIRMED', true, '{}'::jsonb)`,
      [sub, poolId, `user-${sub}`],
    );
    return sub;
  }

  /** One refresh token of a session, created at `createdAt`. */
  async function aToken(
    userSub: string,
    originJti: string,
    createdAt: Date,
    extra: { revokedAt?: Date; expiresAt?: Date } = {},
  ): Promise<Buffer> {
    const tokenHash = randomBytes(32);
    await refreshTokens.insert({
      tokenHash,
      userSub,
      poolId,
      clientId,
      originJti,
      eventId: randomUUID(),
      authTime: createdAt,
      expiresAt: extra.expiresAt ?? minutes(60),
      revokedAt: extra.revokedAt ?? null,
      createdAt,
      scopes: null,
      deviceKey: null,
    });
    return tokenHash;
  }

  beforeAll(async () => {
    db = await UserDirectoryTestDatabase.create('sessiontracking');
    await db.pool(poolId);
    await db.dataSource.query(
      `INSERT INTO user_directory.app_clients (id, pool_id, name, secret_enc, config, created_at, updated_at)
       VALUES ($1, $2, 'app', NULL, '{}'::jsonb, now(), now())`,
      [clientId, poolId],
    );
    repo = new SessionTrackingRepository(db.dataSource);
    refreshTokens = new RefreshTokensRepository(db.dataSource);
    hosted = new HostedSessionsRepository(db.dataSource);
  });
  afterAll(() => db.drop());

  it('stamps tracking_since when tracking is turned on, keeps it, and clears it when turned off', async () => {
    expect(await repo.poolConfig(poolId)).toBeUndefined();
    const on = new Date('2026-12-01T10:00:00Z');
    await db.dataSource.transaction((tx) => repo.savePoolConfig(poolId, true, 5, on, tx));
    expect(await repo.poolConfig(poolId)).toEqual({ tracking: true, maxPerUser: 5, trackingSince: on });
    await db.dataSource.transaction((tx) => repo.savePoolConfig(poolId, true, 9, minutes(1), tx));
    expect(await repo.poolConfig(poolId)).toEqual({ tracking: true, maxPerUser: 9, trackingSince: on });
    await db.dataSource.transaction((tx) => repo.savePoolConfig(poolId, false, 9, minutes(2), tx));
    expect(await repo.poolConfig(poolId)).toEqual({ tracking: false, maxPerUser: 9, trackingSince: null });
    const again = new Date('2026-12-02T10:00:00Z');
    await db.dataSource.transaction((tx) => repo.savePoolConfig(poolId, true, 9, again, tx));
    expect((await repo.poolConfig(poolId))?.trackingSince).toEqual(again);
  });

  it('lists only live token sessions begun since tracking, with their first and newest tokens', async () => {
    const sub = await aUser();
    const since = minutes(-30);
    const rotated = randomUUID();
    await aToken(sub, rotated, minutes(-20));
    await aToken(sub, rotated, minutes(-5));
    const oneRevoked = randomUUID();
    await aToken(sub, oneRevoked, minutes(-20));
    await aToken(sub, oneRevoked, minutes(-10), { revokedAt: minutes(-1) });
    await aToken(sub, randomUUID(), minutes(-20), { expiresAt: minutes(-1) });
    await aToken(sub, randomUUID(), minutes(-40));
    const other = await aUser();
    await aToken(other, randomUUID(), minutes(-10));

    const live = await repo.tokenSessions(sub, since);
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({ originJti: rotated, clientId });
    expect(live[0].lastActiveAt.getTime() - live[0].createdAt.getTime()).toBe(15 * 60_000);
  });

  it('evicts the least recently used beyond the maximum less one, and names the SSO origin', async () => {
    const sub = await aUser();
    const since = minutes(-60);
    const [oldest, middle, newest] = [randomUUID(), randomUUID(), randomUUID()];
    await aToken(sub, oldest, minutes(-50));
    await aToken(sub, middle, minutes(-55));
    await aToken(sub, middle, minutes(-30));
    await aToken(sub, newest, minutes(-10));
    const ssoId = randomUUID();
    await db.dataSource.transaction((tx) => repo.link(newest, ssoId, sub, new Date(), tx));

    const evicted = await db.dataSource.transaction((tx) => repo.evictBeyond(sub, since, 2, new Date(), tx));
    expect(evicted.sort()).toEqual([oldest, middle].sort());
    expect(await refreshTokens.isSessionRevoked(middle, sub)).toBe(true);
    const left = await repo.tokenSessions(sub, since);
    expect(left).toEqual([expect.objectContaining({ originJti: newest, originSsoSessionId: ssoId })]);
    // Nothing beyond: nothing evicted.
    expect(await db.dataSource.transaction((tx) => repo.evictBeyond(sub, since, 2, new Date(), tx))).toEqual(
      [],
    );
  });

  it("sweeps ended sessions' links once a minute old, and keeps live or young ones", async () => {
    const sub = await aUser();
    const [ended, live, young] = [randomUUID(), randomUUID(), randomUUID()];
    await aToken(sub, ended, minutes(-10), { revokedAt: minutes(-5) });
    await aToken(sub, live, minutes(-10));
    await db.dataSource.transaction(async (tx) => {
      await repo.link(ended, randomUUID(), sub, minutes(-10), tx);
      await repo.link(live, randomUUID(), sub, minutes(-10), tx);
      await repo.link(young, randomUUID(), sub, new Date(), tx);
      await repo.sweepLinks(sub, tx);
    });
    const rows = await db.dataSource.query<{ origin_jti: string }[]>(
      `SELECT origin_jti::text AS origin_jti FROM user_directory.session_links WHERE user_sub = $1`,
      [sub],
    );
    expect(rows.map((r) => r.origin_jti).sort()).toEqual([live, young].sort());
  });

  it('ends an SSO session for its own user only, while it lives', async () => {
    const sub = await aUser();
    const other = await aUser();
    const sessionId = randomUUID();
    await hosted.insert(randomBytes(32), {
      poolId,
      userSub: sub,
      authTime: new Date(),
      expiresAt: minutes(60),
      clientId,
      sessionId,
    });
    const since = minutes(-1);
    expect(await repo.ssoSessions(sub, since, null)).toEqual([
      expect.objectContaining({ sessionId, clientId }),
    ]);
    expect(await repo.ssoSessions(sub, since, minutes(1))).toEqual([]);
    expect(await db.dataSource.transaction((tx) => repo.deleteSsoSession(sessionId, other, since, tx))).toBe(
      false,
    );
    expect(
      await db.dataSource.transaction((tx) => repo.deleteSsoSession(sessionId, sub, minutes(1), tx)),
    ).toBe(false);
    expect(await db.dataSource.transaction((tx) => repo.deleteSsoSession(sessionId, sub, since, tx))).toBe(
      true,
    );
    expect(await repo.ssoSessions(sub, since, null)).toEqual([]);
  });
});
