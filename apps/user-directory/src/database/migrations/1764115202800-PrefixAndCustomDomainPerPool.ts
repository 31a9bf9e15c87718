import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A pool may have one prefix domain AND one custom domain, as Cognito allows (ADR 0060): the
 * uniqueness of `pool_id` becomes the uniqueness of (pool, kind), the kind being whether the row
 * has a `custom_domain_config` (a prefix never has one, a custom domain always has).
 */
export class PrefixAndCustomDomainPerPool1764115202800 implements MigrationInterface {
  name = 'PrefixAndCustomDomainPerPool1764115202800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE user_directory.user_pool_domains DROP CONSTRAINT user_pool_domains_pool_id_key`,
    );
    await q.query(
      `CREATE UNIQUE INDEX user_pool_domains_pool_kind_key
         ON user_directory.user_pool_domains (pool_id, (custom_domain_config IS NOT NULL))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // Back to one domain per pool: a pool's custom domain goes where it also has a prefix.
    await q.query(
      `DELETE FROM user_directory.user_pool_domains c
        WHERE c.custom_domain_config IS NOT NULL
          AND EXISTS (SELECT 1 FROM user_directory.user_pool_domains p
                       WHERE p.pool_id = c.pool_id AND p.custom_domain_config IS NULL)`,
    );
    await q.query(`DROP INDEX user_directory.user_pool_domains_pool_kind_key`);
    await q.query(
      `ALTER TABLE user_directory.user_pool_domains
         ADD CONSTRAINT user_pool_domains_pool_id_key UNIQUE (pool_id)`,
    );
  }
}
