import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Devices registered for push sync (RegisterDevice) and the datasets each is subscribed to
 * (SubscribeToDataset). A device's push token is a secret of the app: it is kept sealed under the
 * key-encryption key (bound to the device id) for the push providers, and as a keyed digest so a
 * re-registration of the same token finds its device without the token being compared in clear.
 */
export class DevicesAndSubscriptions1764115200403 implements MigrationInterface {
  name = 'DevicesAndSubscriptions1764115200403';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE device_sync.devices (
        device_id text PRIMARY KEY,
        identity_pool_id text NOT NULL,
        identity_id text NOT NULL,
        platform text NOT NULL CHECK (platform IN ('APNS', 'APNS_SANDBOX', 'GCM', 'ADM')),
        application_arn text NOT NULL,
        token_digest bytea NOT NULL,
        token_enc bytea NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (identity_id, platform, token_digest)
      )`);
    await q.query(`
      CREATE TABLE device_sync.dataset_subscriptions (
        device_id text NOT NULL REFERENCES device_sync.devices (device_id) ON DELETE CASCADE,
        identity_id text NOT NULL,
        dataset_name text NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (device_id, dataset_name)
      )`);
    await q.query(
      `CREATE INDEX dataset_subscriptions_by_dataset ON device_sync.dataset_subscriptions (identity_id, dataset_name)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE device_sync.dataset_subscriptions`);
    await q.query(`DROP TABLE device_sync.devices`);
  }
}
