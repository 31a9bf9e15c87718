import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * User pool domains (CreateUserPoolDomain, issue 10). A domain is unique across all pools, as in
 * Cognito, and a pool has at most one prefix domain; the domain goes with its pool.
 */
export class UserPoolDomains1764115200100 implements MigrationInterface {
  name = 'UserPoolDomains1764115200100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_directory.user_pool_domains (
        domain text PRIMARY KEY,
        pool_id text NOT NULL UNIQUE REFERENCES user_directory.user_pools (id) ON DELETE CASCADE,
        managed_login_version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE user_directory.user_pool_domains`);
  }
}
