import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cognito events of an identity pool (SetCognitoEvents): per event type (`SyncTrigger`), the
 * function ARN it names, which resolves to one of the operator's configured trigger endpoints.
 */
export class CognitoEvents1764115200420 implements MigrationInterface {
  name = 'CognitoEvents1764115200420';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE device_sync.cognito_events (
        identity_pool_id text NOT NULL,
        event_type text NOT NULL,
        function_arn text NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (identity_pool_id, event_type)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE device_sync.cognito_events`);
  }
}
