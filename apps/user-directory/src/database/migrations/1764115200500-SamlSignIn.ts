import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in through SAML providers (issue 10, ADR 0025). `saml_requests`: the AuthnRequests sent, by
 * the SHA-256 of their RelayState, bound to the browser (SHA-256 of its cookie) and to the app's
 * authorization request, taken once. `saml_assertions`: the ids of assertions accepted, kept until
 * they expire, so a replayed response is refused; the primary key makes that hold under concurrency.
 */
export class SamlSignIn1764115200500 implements MigrationInterface {
  name = 'SamlSignIn1764115200500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_directory.saml_requests (
        relay_hash bytea PRIMARY KEY,
        pool_id text NOT NULL,
        provider_name text NOT NULL,
        request_id text NOT NULL,
        browser_hash bytea NOT NULL,
        params jsonb NOT NULL,
        acs_url text NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX saml_requests_expiry ON user_directory.saml_requests (expires_at)`);
    await q.query(`
      CREATE TABLE user_directory.saml_assertions (
        pool_id text NOT NULL,
        provider_name text NOT NULL,
        assertion_id text NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (pool_id, provider_name, assertion_id)
      )`);
    await q.query(`CREATE INDEX saml_assertions_expiry ON user_directory.saml_assertions (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE user_directory.saml_assertions`);
    await q.query(`DROP TABLE user_directory.saml_requests`);
  }
}
