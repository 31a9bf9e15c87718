import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Multi-factor authentication (issue 11). `user_mfa` holds a user's software token: the secret an
 * authenticator app was given (sealed under a key derived from the key-encryption key), pending
 * until a code from it is verified; whether it is enabled and preferred; and the last time step
 * whose code was accepted, so that no code is accepted twice. `auth_session_uses` records the MFA
 * sign-in sessions already answered: Cognito's MFA sessions are single-use, and the sealed session
 * itself (ADR 0005) cannot remember that.
 */
export class UserMfa1764115200070 implements MigrationInterface {
  name = 'UserMfa1764115200070';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_directory.user_mfa (
        user_sub uuid PRIMARY KEY REFERENCES user_directory.users (sub) ON DELETE CASCADE,
        totp_secret_enc bytea,
        totp_pending_enc bytea,
        totp_enabled boolean NOT NULL DEFAULT false,
        totp_device_name text,
        totp_last_step bigint,
        preferred text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE user_directory.auth_session_uses (
        session_id uuid PRIMARY KEY,
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX auth_session_uses_expiry ON user_directory.auth_session_uses (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE user_directory.auth_session_uses`);
    await q.query(`DROP TABLE user_directory.user_mfa`);
  }
}
