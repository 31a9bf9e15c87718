import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';

/** A pool's SetUserPoolSessionConfiguration as stored; no row, Cognito's default. */
export interface StoredPoolSessionConfig {
  tracking: boolean;
  maxPerUser: number;
  /** When tracking was last turned on: only sessions opened since are tracked. */
  trackingSince: Date | null;
}

/** A live token session: the refresh tokens of one origin_jti, none revoked, one unexpired. */
export interface TokenSessionRow {
  originJti: string;
  clientId: string;
  createdAt: Date;
  /** The newest refresh token of the session: its creation, or its last rotation. */
  lastActiveAt: Date;
  /** The SSO session it came through (the hosted pages' code grant), if any. */
  originSsoSessionId?: string;
}

/** A live SSO session: a hosted session of the user's browser. */
export interface SsoSessionRow {
  sessionId: string;
  clientId: string | null;
  createdAt: Date;
}

// A token session is live while none of its refresh tokens was revoked (RevokeToken revokes one,
// and the verifier then refuses the whole session) and one has not expired; it is tracked when it
// began after tracking was turned on.
const LIVE_TOKEN_SESSIONS = `
  SELECT origin_jti::text AS origin_jti, (array_agg(client_id))[1] AS client_id,
         min(created_at) AS created_at, max(created_at) AS last_active_at
    FROM user_directory.refresh_tokens
   WHERE user_sub = $1
   GROUP BY origin_jti
  HAVING bool_and(revoked_at IS NULL) AND max(expires_at) > now() AND min(created_at) >= $2`;

/**
 * Every query of session tracking (ADR 0080): the pool and client configurations
 * (`session_settings`, `client_sso_settings`) and the listing, revoking and
 * evicting of a user's sessions over `refresh_tokens` (token sessions) and `hosted_sessions` (SSO
 * sessions).
 */
@Injectable()
export class SessionTrackingRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async poolConfig(
    poolId: string,
    tx: Transaction = this.dataSource.manager,
  ): Promise<StoredPoolSessionConfig | undefined> {
    const rows = await tx.query<{ tracking: boolean; max_per_user: number; tracking_since: Date | null }[]>(
      `SELECT tracking, max_per_user, tracking_since
         FROM user_directory.session_settings WHERE pool_id = $1`,
      [poolId],
    );
    const r = rows[0];
    return r && { tracking: r.tracking, maxPerUser: r.max_per_user, trackingSince: r.tracking_since };
  }

  /** Replaces the pool's configuration; `tracking_since` moves only when tracking is turned on. */
  async savePoolConfig(
    poolId: string,
    tracking: boolean,
    maxPerUser: number,
    at: Date,
    tx: Transaction,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO user_directory.session_settings
         (pool_id, tracking, max_per_user, tracking_since, updated_at)
       VALUES ($1, $2, $3, CASE WHEN $2 THEN $4::timestamptz END, $4)
       ON CONFLICT (pool_id) DO UPDATE SET
         tracking = EXCLUDED.tracking,
         max_per_user = EXCLUDED.max_per_user,
         tracking_since = CASE
           WHEN NOT EXCLUDED.tracking THEN NULL
           WHEN session_settings.tracking THEN session_settings.tracking_since
           ELSE EXCLUDED.tracking_since END,
         updated_at = EXCLUDED.updated_at`,
      [poolId, tracking, maxPerUser, at],
    );
  }

  async clientSsoValidity(clientId: string): Promise<number | undefined> {
    const rows = await this.dataSource.query<{ sso_max_validity_minutes: number }[]>(
      `SELECT sso_max_validity_minutes FROM user_directory.client_sso_settings
        WHERE client_id = $1`,
      [clientId],
    );
    return rows[0]?.sso_max_validity_minutes;
  }

  async saveClientSsoValidity(
    poolId: string,
    clientId: string,
    minutes: number,
    at: Date,
    tx: Transaction,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO user_directory.client_sso_settings
         (client_id, pool_id, sso_max_validity_minutes, updated_at)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (client_id) DO UPDATE SET
         sso_max_validity_minutes = EXCLUDED.sso_max_validity_minutes, updated_at = EXCLUDED.updated_at`,
      [clientId, poolId, minutes, at],
    );
  }

  async tokenSessions(
    userSub: string,
    since: Date,
    tx: Transaction = this.dataSource.manager,
  ): Promise<TokenSessionRow[]> {
    const rows = await tx.query<
      {
        origin_jti: string;
        client_id: string;
        created_at: Date;
        last_active_at: Date;
        origin_sso: string | null;
      }[]
    >(
      `SELECT s.*, k.sso_session_id::text AS origin_sso
         FROM (${LIVE_TOKEN_SESSIONS}) s
         LEFT JOIN user_directory.session_links k ON k.origin_jti = s.origin_jti::uuid
        ORDER BY s.last_active_at DESC`,
      [userSub, since],
    );
    return rows.map((r) => ({
      originJti: r.origin_jti,
      clientId: r.client_id,
      createdAt: r.created_at,
      lastActiveAt: r.last_active_at,
      ...(r.origin_sso ? { originSsoSessionId: r.origin_sso } : {}),
    }));
  }

  /** Records the SSO session a new token session came through. */
  async link(
    originJti: string,
    ssoSessionId: string,
    userSub: string,
    at: Date,
    tx: Transaction,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO user_directory.session_links (origin_jti, sso_session_id, user_sub, created_at)
       VALUES ($1, $2, $3, $4) ON CONFLICT (origin_jti) DO NOTHING`,
      [originJti, ssoSessionId, userSub, at],
    );
  }

  /**
   * The user's live, tracked SSO sessions: unexpired, opened since tracking was turned on and since
   * the user's last global sign-out (which ends them, as the hosted pages read them).
   */
  async ssoSessions(userSub: string, since: Date, tokensValidAfter: Date | null): Promise<SsoSessionRow[]> {
    const rows = await this.dataSource.query<
      { session_id: string; client_id: string | null; created_at: Date }[]
    >(
      `SELECT session_id::text AS session_id, client_id, created_at
         FROM user_directory.hosted_sessions
        WHERE user_sub = $1 AND expires_at > now() AND created_at >= $2
          AND ($3::timestamptz IS NULL OR created_at > $3)
        ORDER BY created_at DESC`,
      [userSub, since, tokensValidAfter],
    );
    return rows.map((r) => ({ sessionId: r.session_id, clientId: r.client_id, createdAt: r.created_at }));
  }

  /**
   * Ends one live tracked SSO session of the user (its cookie signs in no more); false when there
   * was none.
   */
  async deleteSsoSession(sessionId: string, userSub: string, since: Date, tx: Transaction): Promise<boolean> {
    const [, count] = await tx.query<[unknown[], number]>(
      `DELETE FROM user_directory.hosted_sessions
        WHERE session_id = $1 AND user_sub = $2 AND expires_at > now() AND created_at >= $3`,
      [sessionId, userSub, since],
    );
    return count > 0;
  }

  /**
   * Forgets the links of the user's token sessions that ended (none of their tokens is live). A
   * link younger than a minute stays: its session's refresh token may not be stored yet.
   */
  async sweepLinks(userSub: string, tx: Transaction): Promise<void> {
    await tx.query(
      `DELETE FROM user_directory.session_links k
        WHERE k.user_sub = $1 AND k.created_at < now() - interval '1 minute' AND NOT EXISTS (
          SELECT 1 FROM user_directory.refresh_tokens t
           WHERE t.origin_jti = k.origin_jti AND t.revoked_at IS NULL AND t.expires_at > now())`,
      [userSub],
    );
  }

  /**
   * Makes room for one more token session of a user allowed `max`: revokes the least recently
   * used of the live tracked ones beyond the newest `max - 1`, and answers their origin_jti.
   */
  async evictBeyond(userSub: string, since: Date, max: number, at: Date, tx: Transaction): Promise<string[]> {
    const [rows] = await tx.query<[{ origin_jti: string }[], number]>(
      `WITH live AS (${LIVE_TOKEN_SESSIONS}),
            victims AS (SELECT origin_jti FROM live ORDER BY last_active_at DESC, created_at DESC OFFSET $3)
       UPDATE user_directory.refresh_tokens SET revoked_at = $4
        WHERE user_sub = $1 AND revoked_at IS NULL
          AND origin_jti IN (SELECT origin_jti::uuid FROM victims)
        RETURNING origin_jti::text AS origin_jti`,
      [userSub, since, Math.max(max - 1, 0), at],
    );
    return [...new Set(rows.map((r) => r.origin_jti))];
  }
}
