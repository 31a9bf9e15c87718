import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SMS and email MFA (issue 11, ADR 0022). `user_mfa` gains whether the user's SMS and email
 * factors are on. `mfa_codes` holds the one-time code of each SMS_MFA or EMAIL_OTP challenge, as a
 * keyed digest (never the code), under the id of the sealed session it was sent with, until it is
 * answered (the row is taken) or expires (3 minutes).
 */
export class MfaCodes1764115200300 implements MigrationInterface {
  name = 'MfaCodes1764115200300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE user_directory.user_mfa
        ADD COLUMN sms_enabled boolean NOT NULL DEFAULT false,
        ADD COLUMN email_enabled boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE TABLE user_directory.mfa_codes (
        session_id uuid PRIMARY KEY,
        user_sub uuid NOT NULL REFERENCES user_directory.users (sub) ON DELETE CASCADE,
        factor text NOT NULL,
        code_digest text NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX mfa_codes_expiry ON user_directory.mfa_codes (expires_at)`);
    await q.query(`CREATE INDEX mfa_codes_user ON user_directory.mfa_codes (user_sub)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE user_directory.mfa_codes`);
    await q.query(`ALTER TABLE user_directory.user_mfa DROP COLUMN sms_enabled, DROP COLUMN email_enabled`);
  }
}
