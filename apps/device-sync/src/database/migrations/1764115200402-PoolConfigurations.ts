import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each identity pool's Cognito Sync configuration (SetIdentityPoolConfiguration): push sync's
 * platform application ARNs and role, and Cognito streams' stream, role and status. A pool never
 * configured has no row.
 */
export class PoolConfigurations1764115200402 implements MigrationInterface {
  name = 'PoolConfigurations1764115200402';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE device_sync.pool_configurations (
        identity_pool_id text PRIMARY KEY,
        push_application_arns text[],
        push_role_arn text,
        stream_name text,
        stream_role_arn text,
        streaming_status text CHECK (streaming_status IN ('ENABLED', 'DISABLED')),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE device_sync.pool_configurations`);
  }
}
