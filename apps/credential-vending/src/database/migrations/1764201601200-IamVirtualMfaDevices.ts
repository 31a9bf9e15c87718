import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * IAM virtual MFA devices (ADR 0072): the seed sealed (never in clear), the user a device is
 * assigned to once enabled (a user with one cannot be deleted: no cascade), the last time step
 * accepted (a code is accepted once) and the clock drift ResyncMFADevice measured.
 */
export class IamVirtualMfaDevices1764201601200 implements MigrationInterface {
  name = 'IamVirtualMfaDevices1764201601200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE credential_vending.mfa_devices (
        serial_number text PRIMARY KEY,
        name text NOT NULL,
        name_key text NOT NULL,
        path text NOT NULL,
        seed_enc bytea NOT NULL,
        user_id text REFERENCES credential_vending.users (user_id),
        enabled_at timestamptz,
        last_step bigint,
        drift_steps integer NOT NULL DEFAULT 0,
        tags jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT mfa_devices_name_key UNIQUE (name_key),
        CONSTRAINT mfa_devices_enabled_assigned CHECK ((user_id IS NULL) = (enabled_at IS NULL))
      )`);
    await q.query(`CREATE INDEX mfa_devices_user_idx ON credential_vending.mfa_devices (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE credential_vending.mfa_devices`);
  }
}
