import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The highest version number a managed policy has had. IAM never reuses a version id: after v2 is
 * deleted the next version is v3 (or higher), so the next number cannot be read from the versions
 * that remain.
 */
export class PolicyVersionNumbers1764201600050 implements MigrationInterface {
  name = 'PolicyVersionNumbers1764201600050';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE credential_vending.managed_policies ADD COLUMN last_version_number integer NOT NULL DEFAULT 1`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE credential_vending.managed_policies DROP COLUMN last_version_number`);
  }
}
