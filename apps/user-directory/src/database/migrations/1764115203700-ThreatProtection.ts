import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Threat protection (issue 13, ADR 0083): the risk configuration SetRiskConfiguration stores for a
 * pool (`client_id` null) or one of its app clients, and the pool's log delivery configuration.
 * Settings are kept as the request gave them (jsonb, Cognito's member names).
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
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE user_directory.log_destinations`);
    await q.query(`DROP TABLE user_directory.risk_configurations`);
  }
}
