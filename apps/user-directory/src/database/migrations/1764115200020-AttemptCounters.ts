import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed attempts per user (or per unknown name) and guessable secret, with the current lockout:
 * see AttemptLimiter. No foreign key to users: unknown names are counted too, and a stale row is
 * harmless and swept. The per-code count of wrong guesses goes: a new code reset it, so asking for
 * codes bought unlimited guesses.
 */
export class AttemptCounters1764115200020 implements MigrationInterface {
  name = 'AttemptCounters1764115200020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_directory.attempt_counters (
        pool_id text NOT NULL,
        subject text NOT NULL,
        flow text NOT NULL,
        failures integer NOT NULL,
        locked_until timestamptz,
        last_failure_at timestamptz NOT NULL,
        PRIMARY KEY (pool_id, subject, flow)
      )`);
    await q.query(`ALTER TABLE user_directory.verification_codes DROP COLUMN failed_attempts`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE user_directory.verification_codes ADD COLUMN failed_attempts integer NOT NULL DEFAULT 0`,
    );
    await q.query(`DROP TABLE user_directory.attempt_counters`);
  }
}
