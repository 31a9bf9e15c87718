import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** An authorization code as stored: by its SHA-256, with what redeeming it must match. */
export interface AuthorizationCodeRow {
  codeHash: Buffer;
  poolId: string;
  clientId: string;
  userSub: string;
  redirectUri: string;
  scopes: string[];
  nonce: string | null;
  codeChallenge: string | null;
  codeChallengeMethod: 'S256' | 'plain' | null;
  authTime: Date;
  expiresAt: Date;
  /** The hosted (SSO) session the code was issued from (session tracking, ADR 0080). */
  ssoSessionId?: string | null;
}

interface CodeRecord {
  code_hash: Buffer;
  pool_id: string;
  client_id: string;
  user_sub: string;
  redirect_uri: string;
  scopes: string[];
  nonce: string | null;
  code_challenge: string | null;
  code_challenge_method: 'S256' | 'plain' | null;
  auth_time: Date;
  expires_at: Date;
  sso_session_id: string | null;
}

/** Every query of the authorization codes (`user_directory.authorization_codes`). */
@Injectable()
export class AuthorizationCodesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Stores a new code; codes expired for a minute go at the same time. */
  async insert(c: AuthorizationCodeRow): Promise<void> {
    await this.dataSource.query(
      `WITH swept AS (
         DELETE FROM user_directory.authorization_codes WHERE expires_at < now() - interval '1 minute')
       INSERT INTO user_directory.authorization_codes
         (code_hash, pool_id, client_id, user_sub, redirect_uri, scopes, nonce, code_challenge,
          code_challenge_method, auth_time, expires_at, sso_session_id)
       VALUES ($1, $2, $3, $4::uuid, $5, $6::text[], $7, $8, $9, $10, $11, $12::uuid)`,
      [
        c.codeHash,
        c.poolId,
        c.clientId,
        c.userSub,
        c.redirectUri,
        c.scopes,
        c.nonce,
        c.codeChallenge,
        c.codeChallengeMethod,
        c.authTime,
        c.expiresAt,
        c.ssoSessionId ?? null,
      ],
    );
  }

  /**
   * Takes the code out (it can be redeemed once): of concurrent redemptions exactly one gets the
   * row. An expired code is taken out too, and answered so the caller can refuse it.
   */
  async consume(codeHash: Buffer): Promise<AuthorizationCodeRow | undefined> {
    const [rows] = await this.dataSource.query<[CodeRecord[], number]>(
      `DELETE FROM user_directory.authorization_codes WHERE code_hash = $1
        RETURNING code_hash, pool_id, client_id, user_sub, redirect_uri, scopes, nonce, code_challenge,
                  code_challenge_method, auth_time, expires_at, sso_session_id::text AS sso_session_id`,
      [codeHash],
    );
    const r = rows[0];
    if (!r) return undefined;
    return {
      codeHash: r.code_hash,
      poolId: r.pool_id,
      clientId: r.client_id,
      userSub: r.user_sub,
      redirectUri: r.redirect_uri,
      scopes: r.scopes,
      nonce: r.nonce,
      codeChallenge: r.code_challenge,
      codeChallengeMethod: r.code_challenge_method,
      authTime: r.auth_time,
      expiresAt: r.expires_at,
      ssoSessionId: r.sso_session_id,
    };
  }
}
