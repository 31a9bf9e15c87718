import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate` (issue 11, ADR 0044): a
 * new email or phone number waits here, per attribute, until VerifyUserAttribute proves it; the
 * user's attributes (and so their sign-in alias) keep the old value meanwhile.
 */
export class PendingAttributes1764115201801 implements MigrationInterface {
  name = 'PendingAttributes1764115201801';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE user_directory.users ADD COLUMN pending_attributes jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE user_directory.users DROP COLUMN pending_attributes`);
  }
}
