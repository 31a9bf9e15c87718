import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A browser's sign-in on the hosted pages, as its cookie names it (by the cookie value's SHA-256). */
export interface HostedSession {
  poolId: string;
  userSub: string;
  authTime: Date;
  expiresAt: Date;
  createdAt: Date;
  /** The SAML sign-in the session came from (ADR 0069), which a LogoutRequest names. */
  saml?: SamlSessionLogin;
  /** The app client the user signed in through (session tracking's ClientId, ADR 0080). */
  clientId?: string;
  /** The SSO session's id (its SessionId, ADR 0080); a new one is drawn when none is given. */
  sessionId?: string;
}

/** What a SAML provider's assertion said about the sign-in, for its single logout (ADR 0069). */
export interface SamlSessionLogin {
  providerName: string;
  nameId: string;
  nameIdFormat?: string;
  sessionIndex?: string;
}

/** Every query of the hosted sessions (`user_directory.hosted_sessions`). */
@Injectable()
export class HostedSessionsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Stores a session; sessions expired for a minute go at the same time. */
  async insert(tokenHash: Buffer, s: Omit<HostedSession, 'createdAt'>): Promise<void> {
    await this.dataSource.query(
      `WITH swept AS (
         DELETE FROM user_directory.hosted_sessions WHERE expires_at < now() - interval '1 minute')
       INSERT INTO user_directory.hosted_sessions
         (token_hash, pool_id, user_sub, auth_time, expires_at, client_id, session_id)
       VALUES ($1, $2, $3::uuid, $4, $5, $6, COALESCE($7::uuid, gen_random_uuid()))`,
      [tokenHash, s.poolId, s.userSub, s.authTime, s.expiresAt, s.clientId ?? null, s.sessionId ?? null],
    );
  }

  async find(tokenHash: Buffer): Promise<HostedSession | undefined> {
    const rows = await this.dataSource.query<
      {
        pool_id: string;
        user_sub: string;
        auth_time: Date;
        expires_at: Date;
        created_at: Date;
        saml_provider: string | null;
        saml_name_id: string | null;
        saml_name_id_format: string | null;
        saml_session_index: string | null;
        session_id: string;
      }[]
    >(
      `SELECT pool_id, user_sub, auth_time, expires_at, created_at,
              saml_provider, saml_name_id, saml_name_id_format, saml_session_index,
              session_id::text AS session_id
         FROM user_directory.hosted_sessions WHERE token_hash = $1`,
      [tokenHash],
    );
    const r = rows[0];
    return (
      r && {
        poolId: r.pool_id,
        userSub: r.user_sub,
        authTime: r.auth_time,
        expiresAt: r.expires_at,
        createdAt: r.created_at,
        sessionId: r.session_id,
        ...(r.saml_provider && r.saml_name_id
          ? {
              saml: {
                providerName: r.saml_provider,
                nameId: r.saml_name_id,
                ...(r.saml_name_id_format ? { nameIdFormat: r.saml_name_id_format } : {}),
                ...(r.saml_session_index ? { sessionIndex: r.saml_session_index } : {}),
              },
            }
          : {}),
      }
    );
  }

  /** Records the SAML sign-in a session was opened by (ADR 0069). */
  async attachSaml(tokenHash: Buffer, saml: SamlSessionLogin): Promise<void> {
    await this.dataSource.query(
      `UPDATE user_directory.hosted_sessions
          SET saml_provider = $2, saml_name_id = $3, saml_name_id_format = $4, saml_session_index = $5
        WHERE token_hash = $1`,
      [tokenHash, saml.providerName, saml.nameId, saml.nameIdFormat ?? null, saml.sessionIndex ?? null],
    );
  }

  async delete(tokenHash: Buffer): Promise<void> {
    await this.dataSource.query(`DELETE FROM user_directory.hosted_sessions WHERE token_hash = $1`, [
      tokenHash,
    ]);
  }
}
