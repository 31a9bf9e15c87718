import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cognito Sync's data: datasets per identity, their records (removed ones kept as tombstones so
 * other devices learn of the removal), the sync sessions ListRecords opens, and per pool the count
 * of sessions opened. A deleted dataset keeps its row (`live` false) with the sync count it was
 * deleted at, so a device that last synced before the deletion is told so.
 */
export class DatasetsAndRecords1764115200401 implements MigrationInterface {
  name = 'DatasetsAndRecords1764115200401';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE device_sync.datasets (
        identity_id text NOT NULL,
        dataset_name text NOT NULL,
        identity_pool_id text NOT NULL,
        live boolean NOT NULL,
        sync_count bigint NOT NULL,
        deleted_at_sync_count bigint,
        num_records bigint NOT NULL,
        data_storage bigint NOT NULL,
        created_at timestamptz NOT NULL,
        last_modified_at timestamptz NOT NULL,
        last_modified_by text NOT NULL,
        merged_from_name text,
        PRIMARY KEY (identity_id, dataset_name)
      )`);
    await q.query(`CREATE INDEX datasets_by_pool ON device_sync.datasets (identity_pool_id)`);
    await q.query(`
      CREATE TABLE device_sync.records (
        identity_id text NOT NULL,
        dataset_name text NOT NULL,
        record_key text NOT NULL,
        value text,
        sync_count bigint NOT NULL,
        last_modified_at timestamptz NOT NULL,
        last_modified_by text NOT NULL,
        device_last_modified_at timestamptz,
        PRIMARY KEY (identity_id, dataset_name, record_key),
        FOREIGN KEY (identity_id, dataset_name)
          REFERENCES device_sync.datasets (identity_id, dataset_name) ON DELETE CASCADE ON UPDATE CASCADE
      )`);
    await q.query(
      `CREATE INDEX records_by_sync_count ON device_sync.records (identity_id, dataset_name, sync_count, record_key)`,
    );
    await q.query(`
      CREATE TABLE device_sync.sync_sessions (
        token_hash bytea PRIMARY KEY,
        identity_pool_id text NOT NULL,
        identity_id text NOT NULL,
        dataset_name text NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX sync_sessions_by_expiry ON device_sync.sync_sessions (expires_at)`);
    await q.query(`
      CREATE TABLE device_sync.pool_usage (
        identity_pool_id text PRIMARY KEY,
        sync_sessions_count bigint NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE device_sync.pool_usage`);
    await q.query(`DROP TABLE device_sync.sync_sessions`);
    await q.query(`DROP TABLE device_sync.records`);
    await q.query(`DROP TABLE device_sync.datasets`);
  }
}
