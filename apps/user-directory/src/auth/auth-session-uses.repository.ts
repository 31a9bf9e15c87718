import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

const USE_ONCE = `
  INSERT INTO user_directory.auth_session_uses (session_id, expires_at) VALUES ($1, $2)
  ON CONFLICT (session_id) DO NOTHING
  RETURNING session_id`;

const FORGET_EXPIRED = `DELETE FROM user_directory.auth_session_uses WHERE expires_at < $1`;

/**
 * The sign-in sessions already answered (`user_directory.auth_session_uses`). A sealed session
 * (ADR 0005) cannot remember that it was used; an MFA session must be answered once only, so its
 * id is recorded here until it would have expired anyway.
 */
@Injectable()
export class AuthSessionUsesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Records the session as used: false when it was used already (concurrent uses: one gets true). */
  async useOnce(sessionId: string, expiresAt: Date): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(USE_ONCE, [sessionId, expiresAt]);
    return rows.length === 1;
  }

  /** Forgets the sessions past their expiry: they are refused as expired without a row. */
  async forgetExpired(now: Date): Promise<void> {
    await this.dataSource.query(FORGET_EXPIRED, [now]);
  }
}
