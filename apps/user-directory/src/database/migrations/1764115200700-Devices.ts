import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Remembered devices (issue 11, ADR 0028). `devices` holds a user's confirmed devices: the device
 * key and group key the client signs in with, the SRP salt and verifier of the device's random
 * password (ConfirmDevice), its name, whether it is remembered, and when it was created, changed
 * and last authenticated. `refresh_tokens.device_key` binds a session to the device it was issued
 * to, so that forgetting the device ends its sessions.
 */
export class Devices1764115200700 implements MigrationInterface {
  name = 'Devices1764115200700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_directory.devices (
        device_key text PRIMARY KEY,
        pool_id text NOT NULL,
        user_sub uuid NOT NULL REFERENCES user_directory.users (sub) ON DELETE CASCADE,
        group_key text NOT NULL,
        salt text NOT NULL,
        verifier text NOT NULL,
        name text,
        remembered boolean NOT NULL,
        last_ip text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_modified_at timestamptz NOT NULL DEFAULT now(),
        last_authenticated_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX devices_by_user ON user_directory.devices (user_sub, created_at, device_key)`,
    );
    await q.query(`ALTER TABLE user_directory.refresh_tokens ADD COLUMN device_key text`);
    await q.query(
      `CREATE INDEX refresh_tokens_by_device ON user_directory.refresh_tokens (device_key) WHERE device_key IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX user_directory.refresh_tokens_by_device`);
    await q.query(`ALTER TABLE user_directory.refresh_tokens DROP COLUMN device_key`);
    await q.query(`DROP TABLE user_directory.devices`);
  }
}
