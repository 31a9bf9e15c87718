import { Inject, Injectable } from '@nestjs/common';
import { preparedQuery, Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { RefreshTokenEntity, UserStatus } from '../database/entities';
import { groupClaimsSubquery } from '../groups/user-group-claims';
import { GroupClaim } from '../tokens/token-claims';

const REFRESH_LOOKUP = `
  SELECT t.user_sub, t.pool_id, t.client_id, t.origin_jti, t.event_id, t.auth_time, t.expires_at,
         t.revoked_at, t.created_at, t.scopes, t.device_key, t.rotated_at,
         (t.device_key IS NOT NULL AND EXISTS (
            SELECT 1 FROM user_directory.devices d WHERE d.device_key = t.device_key)) AS device_confirmed,
         u.username, u.status, u.enabled, u.attributes, u.tokens_valid_after,
         ${groupClaimsSubquery('u.sub')} AS groups
    FROM user_directory.refresh_tokens t
    JOIN user_directory.users u ON u.sub = t.user_sub
   WHERE t.token_hash = $1`;

interface RefreshLookupRow {
  user_sub: string;
  pool_id: string;
  client_id: string;
  origin_jti: string;
  event_id: string;
  auth_time: Date;
  expires_at: Date;
  revoked_at: Date | null;
  created_at: Date;
  scopes: string[] | null;
  device_key: string | null;
  rotated_at: Date | null;
  device_confirmed: boolean;
  username: string;
  status: UserStatus;
  enabled: boolean;
  attributes: Record<string, string>;
  tokens_valid_after: Date | null;
  groups: GroupClaim[];
}

// A new session's refresh token stored, and the user's groups (for the claims of its first
// tokens) read, in one round trip: sign-in is the hottest path.
const STORE_READING_GROUPS = `
  WITH stored AS (
    INSERT INTO user_directory.refresh_tokens
      (token_hash, user_sub, pool_id, client_id, origin_jti, event_id, auth_time, expires_at, revoked_at, created_at, scopes,
       device_key)
    VALUES ($1, $2::uuid, $3, $4, $5, $6, $7, $8, NULL, $9, $10::text[], $11))
  SELECT ${groupClaimsSubquery('$2::uuid')} AS groups`;

/** A refresh token with what a refresh needs of its user: read in one round trip. */
export interface RefreshSession {
  token: Omit<RefreshTokenEntity, 'tokenHash'>;
  /** Whether the device the token was issued to (if any) was confirmed and is not forgotten. */
  deviceConfirmed: boolean;
  user: {
    sub: string;
    username: string;
    status: UserStatus;
    enabled: boolean;
    attributes: Record<string, string>;
    tokensValidAfter: Date | null;
    groups: GroupClaim[];
  };
}

/**
 * Every query of the refresh tokens aggregate (`user_directory.refresh_tokens`): a token is stored
 * by its SHA-256 only, and revoking it ends its session (the access and ID tokens that share its
 * origin_jti).
 */
@Injectable()
export class RefreshTokensRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async insert(row: RefreshTokenEntity, tx: Transaction = this.dataSource.manager): Promise<void> {
    await tx.insert(RefreshTokenEntity, row);
  }

  /**
   * Stores the refresh token of a new session and answers its user's group claims, in one
   * statement prepared once per connection (the sign-in path). Only the token's hash is sent.
   */
  async insertReadingGroups(row: RefreshTokenEntity): Promise<GroupClaim[]> {
    const [result] = await preparedQuery<{ groups: GroupClaim[] }>(
      this.dataSource,
      'refresh-token-store',
      STORE_READING_GROUPS,
      [
        row.tokenHash,
        row.userSub,
        row.poolId,
        row.clientId,
        row.originJti,
        row.eventId,
        row.authTime,
        row.expiresAt,
        row.createdAt,
        row.scopes ?? null,
        row.deviceKey ?? null,
      ],
    );
    return result?.groups ?? [];
  }

  /**
   * The token, its user and the user's groups, by the token's hash. One round trip, prepared once
   * per connection: refresh is the hottest path after sign-in.
   */
  async findForRefresh(tokenHash: Buffer): Promise<RefreshSession | undefined> {
    const [row] = await preparedQuery<RefreshLookupRow>(this.dataSource, 'refresh-lookup', REFRESH_LOOKUP, [
      tokenHash,
    ]);
    if (!row) return undefined;
    return {
      token: {
        userSub: row.user_sub,
        poolId: row.pool_id,
        clientId: row.client_id,
        originJti: row.origin_jti,
        eventId: row.event_id,
        authTime: row.auth_time,
        expiresAt: row.expires_at,
        revokedAt: row.revoked_at,
        createdAt: row.created_at,
        scopes: row.scopes,
        deviceKey: row.device_key,
        rotatedAt: row.rotated_at,
      },
      deviceConfirmed: row.device_confirmed,
      user: {
        sub: row.user_sub,
        username: row.username,
        status: row.status,
        enabled: row.enabled,
        attributes: row.attributes,
        tokensValidAfter: row.tokens_valid_after,
        groups: row.groups,
      },
    };
  }

  async find(
    tokenHash: Buffer,
    tx: Transaction = this.dataSource.manager,
  ): Promise<RefreshTokenEntity | undefined> {
    return (await tx.findOne(RefreshTokenEntity, { where: { tokenHash } })) ?? undefined;
  }

  /**
   * Revokes one live token and answers who its user is (for the event), or undefined when it was
   * no longer live: of concurrent revocations of one token, exactly one revokes it.
   */
  async revoke(
    tokenHash: Buffer,
    at: Date,
    tx: Transaction = this.dataSource.manager,
  ): Promise<{ username: string } | undefined> {
    const [rows] = await tx.query<[{ username: string }[], number]>(
      `UPDATE user_directory.refresh_tokens t SET revoked_at = $2
         FROM user_directory.users u
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.sub = t.user_sub
        RETURNING u.username`,
      [tokenHash, at],
    );
    return rows[0];
  }

  /** Revokes every live token of a user; the sessions (origin_jti) that ended, each once. */
  async revokeAllOf(userSub: string, at: Date, tx: Transaction = this.dataSource.manager): Promise<string[]> {
    const [rows] = await tx.query<[{ origin_jti: string }[], number]>(
      `UPDATE user_directory.refresh_tokens SET revoked_at = $2
        WHERE user_sub = $1 AND revoked_at IS NULL
        RETURNING origin_jti`,
      [userSub, at],
    );
    return [...new Set(rows.map((r) => r.origin_jti))];
  }

  /**
   * Revokes every live token issued to a device (ForgetDevice): the sessions that ended, each once,
   * with their user's name for the events.
   */
  async revokeOfDevice(
    deviceKey: string,
    at: Date,
    tx: Transaction = this.dataSource.manager,
  ): Promise<{ originJti: string; username: string }[]> {
    const [rows] = await tx.query<[{ origin_jti: string; username: string }[], number]>(
      `UPDATE user_directory.refresh_tokens t SET revoked_at = $2
         FROM user_directory.users u
        WHERE t.device_key = $1 AND t.revoked_at IS NULL AND u.sub = t.user_sub
        RETURNING t.origin_jti, u.username`,
      [deviceKey, at],
    );
    const seen = new Map<string, string>();
    for (const r of rows) seen.set(r.origin_jti, r.username);
    return [...seen].map(([originJti, username]) => ({ originJti, username }));
  }

  /** Whether the session (origin_jti) of a user was ended by revoking its refresh token. */
  async isSessionRevoked(originJti: string, userSub: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM user_directory.refresh_tokens
        WHERE origin_jti = $1 AND user_sub = $2 AND revoked_at IS NOT NULL LIMIT 1`,
      [originJti, userSub],
    );
    return rows.length > 0;
  }

  /**
   * Marks the token replaced by a rotation (ADR 0074) and answers when it was first replaced: of
   * concurrent rotations of one token the first one's time counts for the grace period.
   */
  async markRotated(tokenHash: Buffer, at: Date, tx: Transaction): Promise<Date | undefined> {
    const [rows] = await tx.query<[{ rotated_at: Date }[], number]>(
      `UPDATE user_directory.refresh_tokens SET rotated_at = COALESCE(rotated_at, $2)
        WHERE token_hash = $1
        RETURNING rotated_at`,
      [tokenHash, at],
    );
    return rows[0]?.rotated_at;
  }

  /**
   * Revokes every live token of one session of a user (a rotated-out token used again); true when
   * this call ended it, so that of concurrent reuses one announces it.
   */
  async revokeSession(originJti: string, userSub: string, at: Date, tx: Transaction): Promise<boolean> {
    const [, count] = await tx.query<[unknown[], number]>(
      `UPDATE user_directory.refresh_tokens SET revoked_at = $3
        WHERE origin_jti = $1 AND user_sub = $2 AND revoked_at IS NULL`,
      [originJti, userSub, at],
    );
    return count > 0;
  }
}
