import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Threat protection (issue 13, ADR 0083): the risk configuration SetRiskConfiguration stores for a
 * pool (`client_id` null) or one of its app clients, and the pool's log delivery configuration
 * (kept as the request gave them: jsonb, Cognito's member names); the users' auth events recorded
 * while the pool's threat protection is on, newest first per user.
 */
export class ThreatProtection1764115203700 implements MigrationInterface {
  name = 'ThreatProtection1764115203700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_directory.risk_configurations (
        pool_id text NOT NULL REFERENCES user_directory.user_pools (id) ON DELETE CASCADE,
        client_id text REFERENCES user_directory.app_clients (id) ON DELETE CASCADE,
        compromised_credentials jsonb,
        account_takeover jsonb,
        risk_exceptions jsonb,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE UNIQUE INDEX risk_configurations_pool
        ON user_directory.risk_configurations (pool_id) WHERE client_id IS NULL`);
    await q.query(`
      CREATE UNIQUE INDEX risk_configurations_client
        ON user_directory.risk_configurations (client_id) WHERE client_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE user_directory.log_destinations (
        pool_id text PRIMARY KEY REFERENCES user_directory.user_pools (id) ON DELETE CASCADE,
        log_configurations jsonb NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE user_directory.auth_events (
        id text PRIMARY KEY,
        pool_id text NOT NULL REFERENCES user_directory.user_pools (id) ON DELETE CASCADE,
        user_sub uuid NOT NULL REFERENCES user_directory.users (sub) ON DELETE CASCADE,
        event_type text NOT NULL,
        event_response text NOT NULL,
        challenge_responses jsonb NOT NULL,
        ip_address text,
        device_name text,
        feedback_value text,
        feedback_provider text,
        feedback_date timestamptz,
        created_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX auth_events_user ON user_directory.auth_events (user_sub, created_at DESC, id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE user_directory.auth_events`);
    await q.query(`DROP TABLE user_directory.log_destinations`);
    await q.query(`DROP TABLE user_directory.risk_configurations`);
  }
}
