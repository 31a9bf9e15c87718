import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reservations beside the failure count (ADR 0011): checks in flight whose outcome is not known
 * yet. `pending` counts them while `pending_until` lies ahead (a crashed replica's reservations
 * lapse then); `pending_epoch` names the current run of reservations, so a settle that arrives
 * after its run lapsed does not release a newer one's slot. `replaced_*` keep, for a minute, the
 * stored (sealed) password a ChangePassword replaced: a concurrent change that read the user just
 * after it landed still presents that one, and is not a guess.
 */
export class AttemptReservations1764115200040 implements MigrationInterface {
  name = 'AttemptReservations1764115200040';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE user_directory.attempt_counters
        ADD COLUMN pending integer NOT NULL DEFAULT 0,
        ADD COLUMN pending_until timestamptz,
        ADD COLUMN pending_epoch integer NOT NULL DEFAULT 0,
        ADD COLUMN replaced_salt text,
        ADD COLUMN replaced_verifier_enc bytea,
        ADD COLUMN replaced_hash text,
        ADD COLUMN replaced_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE user_directory.attempt_counters
        DROP COLUMN replaced_at,
        DROP COLUMN replaced_hash,
        DROP COLUMN replaced_verifier_enc,
        DROP COLUMN replaced_salt,
        DROP COLUMN pending_epoch,
        DROP COLUMN pending_until,
        DROP COLUMN pending`);
  }
}
