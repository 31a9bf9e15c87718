import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each pool's last BulkPublish of its datasets to its Cognito stream, and how it went. */
export class BulkPublishes1764115200421 implements MigrationInterface {
  name = 'BulkPublishes1764115200421';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE device_sync.bulk_publishes (
        identity_pool_id text PRIMARY KEY,
        status text NOT NULL CHECK (status IN ('IN_PROGRESS', 'FAILED', 'SUCCEEDED')),
        started_at timestamptz NOT NULL,
        completed_at timestamptz,
        failure_message text
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE device_sync.bulk_publishes`);
  }
}
