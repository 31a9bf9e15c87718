import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MfaCodeEntity } from '../database/entities';

const INSERT = `
  INSERT INTO user_directory.mfa_codes (session_id, user_sub, factor, code_digest, expires_at)
  VALUES ($1, $2, $3, $4, $5)`;

// Taken, not read: whatever the answer, the code is checked once. Of concurrent answers with one
// session, one gets the row. Wrapped in a SELECT so the driver returns the rows, not a row count.
const TAKE = `
  WITH taken AS (
    DELETE FROM user_directory.mfa_codes WHERE session_id = $1
    RETURNING user_sub, factor, code_digest, expires_at)
  SELECT user_sub AS "userSub", factor, code_digest AS "codeDigest", expires_at AS "expiresAt" FROM taken`;

const FORGET_EXPIRED = `DELETE FROM user_directory.mfa_codes WHERE expires_at < $1`;

/** The code a challenge sent, as stored: who it was for, for which factor, its digest and expiry. */
export type StoredMfaCode = Omit<MfaCodeEntity, 'sessionId'>;

/**
 * The one-time codes of SMS_MFA and EMAIL_OTP challenges (`user_directory.mfa_codes`, ADR 0022):
 * a keyed digest per challenge session, taken by its answer.
 */
@Injectable()
export class MfaCodesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async insert(sessionId: string, code: StoredMfaCode): Promise<void> {
    await this.dataSource.query(INSERT, [
      sessionId,
      code.userSub,
      code.factor,
      code.codeDigest,
      code.expiresAt,
    ]);
  }

  /** Removes and returns the session's code; undefined when it was taken (or swept) before. */
  async take(sessionId: string): Promise<StoredMfaCode | undefined> {
    const rows: StoredMfaCode[] = await this.dataSource.query(TAKE, [sessionId]);
    const row = rows[0];
    return row ? { ...row, expiresAt: new Date(row.expiresAt) } : undefined;
  }

  async forgetExpired(now: Date): Promise<void> {
    await this.dataSource.query(FORGET_EXPIRED, [now]);
  }
}
