import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A temporary password (AdminCreateUser, AdminSetUserPassword with Permanent false) stops working
 * after the pool's TemporaryPasswordValidityDays; null for a permanent password.
 */
export class TemporaryPasswords1764115200004 implements MigrationInterface {
  name = 'TemporaryPasswords1764115200004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE user_directory.users ADD COLUMN password_expires_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE user_directory.users DROP COLUMN password_expires_at`);
  }
}
