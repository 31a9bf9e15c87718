import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sync sessions are dropped by identity (merge, identity deleted) and by pool (pool deleted); without
 * these indexes each of those deletes scanned the whole table.
 */
export class SyncSessionIndexes1764115200422 implements MigrationInterface {
  name = 'SyncSessionIndexes1764115200422';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX sync_sessions_by_pool ON device_sync.sync_sessions (identity_pool_id)`);
    await q.query(`CREATE INDEX sync_sessions_by_identity ON device_sync.sync_sessions (identity_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX device_sync.sync_sessions_by_identity`);
    await q.query(`DROP INDEX device_sync.sync_sessions_by_pool`);
  }
}
