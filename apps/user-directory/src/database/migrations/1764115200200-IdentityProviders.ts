import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A user pool's external identity providers (issue 10, ADR 0019). `identity_providers` holds a
 * provider's type, the ProviderDetails the administrator gave except its secrets (`details`, jsonb),
 * the client secret or Sign in with Apple private key sealed under the key-encryption key
 * (`secrets_enc`, bound to pool and provider name), the AttributeMapping, and for SAML what the
 * metadata said (`saml_metadata`: entity id, endpoints, signing certificates). Its IdpIdentifiers
 * are rows of `idp_identifiers`, whose key makes an identifier unique in its pool.
 */
export class IdentityProviders1764115200200 implements MigrationInterface {
  name = 'IdentityProviders1764115200200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_directory.identity_providers (
        pool_id text NOT NULL REFERENCES user_directory.user_pools (id) ON DELETE CASCADE,
        name text NOT NULL,
        type text NOT NULL,
        details jsonb NOT NULL,
        secrets_enc bytea,
        attribute_mapping jsonb NOT NULL,
        saml_metadata jsonb,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (pool_id, name)
      )`);
    await q.query(`
      CREATE TABLE user_directory.idp_identifiers (
        pool_id text NOT NULL,
        identifier text NOT NULL,
        provider_name text NOT NULL,
        position integer NOT NULL,
        PRIMARY KEY (pool_id, identifier),
        FOREIGN KEY (pool_id, provider_name)
          REFERENCES user_directory.identity_providers (pool_id, name) ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX idp_identifiers_provider ON user_directory.idp_identifiers (pool_id, provider_name)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE user_directory.idp_identifiers`);
    await q.query(`DROP TABLE user_directory.identity_providers`);
  }
}
