import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `PasswordPolicy.PasswordHistorySize` (issue 11, ADR 0057): the passwords a user had before the
 * current one, newest last, in the form the current one is kept in (the SRP salt and the sealed
 * verifier, or a pre-ADR 0006 argon2id hash), pruned to what the pool's policy asks to remember.
 */
export class PasswordHistory1764115202600 implements MigrationInterface {
  name = 'PasswordHistory1764115202600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_directory.password_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_sub uuid NOT NULL REFERENCES user_directory.users (sub) ON DELETE CASCADE,
        pool_id text NOT NULL,
        password_hash text,
        srp_salt text,
        srp_verifier_enc bytea,
        replaced_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX password_history_by_user ON user_directory.password_history (user_sub, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE user_directory.password_history`);
  }
}
