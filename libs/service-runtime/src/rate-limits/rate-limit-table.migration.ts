import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The shared token buckets of a service's rate limits (SharedRateLimiter), one row per category,
 * in the service's own schema. A factory, as every service that serves clients needs the table.
 */
export function rateLimitTableMigration(schema: string, timestamp: number): new () => MigrationInterface {
  const name = `RateLimitBuckets${timestamp}`;
  return class implements MigrationInterface {
    name = name;

    async up(q: QueryRunner): Promise<void> {
      await q.query(`
        CREATE TABLE "${schema}".rate_limit_buckets (
          category text PRIMARY KEY,
          tokens double precision NOT NULL,
          last_grant integer NOT NULL,
          refilled_at timestamptz NOT NULL
        )`);
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TABLE "${schema}".rate_limit_buckets`);
    }
  };
}
