import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * USER_SRP_AUTH: each user's SRP salt and verifier (v = g^x mod N, padded hex), set with every
 * password. Users whose password predates this column get theirs at their next password sign-in.
 */
export class SrpVerifiers1764115200002 implements MigrationInterface {
  name = 'SrpVerifiers1764115200002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE user_directory.users ADD COLUMN srp_salt text, ADD COLUMN srp_verifier text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE user_directory.users DROP COLUMN srp_verifier, DROP COLUMN srp_salt`);
  }
}
