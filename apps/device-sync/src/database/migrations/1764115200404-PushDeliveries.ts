import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Push sync's delivery queue: one row per accepted change and subscribed device, written in the
 * same transaction as the inbox record of the dataset-changed event, deleted once the push provider
 * took it (or the device is gone). A failed push waits `next_attempt_at` (backoff); a replica
 * claiming rows pushes `next_attempt_at` ahead as a lease, so a replica that dies mid-push leaves
 * them to another.
 */
export class PushDeliveries1764115200404 implements MigrationInterface {
  name = 'PushDeliveries1764115200404';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE device_sync.push_deliveries (
        id bigserial PRIMARY KEY,
        event_id text NOT NULL,
        device_id text NOT NULL REFERENCES device_sync.devices (device_id) ON DELETE CASCADE,
        identity_pool_id text NOT NULL,
        identity_id text NOT NULL,
        dataset_name text NOT NULL,
        sync_count bigint NOT NULL,
        attempts integer NOT NULL,
        next_attempt_at timestamptz NOT NULL,
        last_error text,
        created_at timestamptz NOT NULL,
        UNIQUE (event_id, device_id)
      )`);
    await q.query(`CREATE INDEX push_deliveries_due ON device_sync.push_deliveries (next_attempt_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE device_sync.push_deliveries`);
  }
}
