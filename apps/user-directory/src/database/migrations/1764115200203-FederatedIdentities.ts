import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which pool user a provider's identity signs in as (issue 10, ADR 0019): a row per provider,
 * attribute and value, `Cognito_Subject` for the provider's own user id. A federated user's first
 * sign-in adds its row; AdminLinkProviderForUser adds rows pointing at an existing user;
 * AdminDisableProviderForUser removes them. A row goes with its user.
 */
export class FederatedIdentities1764115200203 implements MigrationInterface {
  name = 'FederatedIdentities1764115200203';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_directory.federated_identities (
        pool_id text NOT NULL,
        provider_name text NOT NULL,
        attribute_name text NOT NULL,
        attribute_value text NOT NULL,
        user_sub uuid NOT NULL REFERENCES user_directory.users (sub) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (pool_id, provider_name, attribute_name, attribute_value)
      )`);
    await q.query(`CREATE INDEX federated_identities_user ON user_directory.federated_identities (user_sub)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE user_directory.federated_identities`);
  }
}
