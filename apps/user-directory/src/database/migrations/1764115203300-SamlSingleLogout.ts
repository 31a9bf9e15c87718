import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SAML single logout (issue 10, ADR 0069).
 *
 * `hosted_sessions` gains the SAML sign-in a session came from (provider, NameID and its Format,
 * the AuthnStatement's SessionIndex), which a LogoutRequest to that IdP must name.
 * `saml_logout_requests`: the LogoutRequests sent, by the SHA-256 of their RelayState, with the
 * request's ID (the LogoutResponse's InResponseTo) and where the browser goes after; taken once.
 */
export class SamlSingleLogout1764115203300 implements MigrationInterface {
  name = 'SamlSingleLogout1764115203300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE user_directory.hosted_sessions
        ADD COLUMN saml_provider text,
        ADD COLUMN saml_name_id text,
        ADD COLUMN saml_name_id_format text,
        ADD COLUMN saml_session_index text`);
    await q.query(`
      CREATE TABLE user_directory.saml_logout_requests (
        relay_hash bytea PRIMARY KEY,
        pool_id text NOT NULL,
        provider_name text NOT NULL,
        request_id text NOT NULL,
        next jsonb NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX saml_logout_requests_expiry ON user_directory.saml_logout_requests (expires_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE user_directory.saml_logout_requests`);
    await q.query(`
      ALTER TABLE user_directory.hosted_sessions
        DROP COLUMN saml_provider, DROP COLUMN saml_name_id,
        DROP COLUMN saml_name_id_format, DROP COLUMN saml_session_index`);
  }
}
