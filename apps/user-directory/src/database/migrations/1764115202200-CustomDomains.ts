import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Custom domains (ADR 0049): a domain row made with CustomDomainConfig keeps it (the certificate's
 * ARN and the security policy) as Cognito's shape; prefix domains have none.
 */
export class CustomDomains1764115202200 implements MigrationInterface {
  name = 'CustomDomains1764115202200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE user_directory.user_pool_domains ADD COLUMN custom_domain_config jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE user_directory.user_pool_domains DROP COLUMN custom_domain_config`);
  }
}
