import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The OAuth 2.0 server of a user pool (issue 10, ADR 0018). `authorization_codes` holds the codes
 * /oauth2/authorize issued, by their SHA-256 only, until /oauth2/token redeems them (once) or they
 * expire; `hosted_sessions` the sign-ins of the hosted pages a browser's cookie names, also by the
 * SHA-256 of the cookie's value. Refresh tokens remember the scopes they were granted with, so a
 * refresh issues an access token with the same scopes (NULL: the sign-in API's fixed scope).
 */
export class OAuthServer1764115200110 implements MigrationInterface {
  name = 'OAuthServer1764115200110';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_directory.authorization_codes (
        code_hash bytea PRIMARY KEY,
        pool_id text NOT NULL,
        client_id text NOT NULL REFERENCES user_directory.app_clients (id) ON DELETE CASCADE,
        user_sub uuid NOT NULL REFERENCES user_directory.users (sub) ON DELETE CASCADE,
        redirect_uri text NOT NULL,
        scopes text[] NOT NULL,
        nonce text,
        code_challenge text,
        code_challenge_method text,
        auth_time timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX authorization_codes_expiry ON user_directory.authorization_codes (expires_at)`,
    );
    await q.query(`
      CREATE TABLE user_directory.hosted_sessions (
        token_hash bytea PRIMARY KEY,
        pool_id text NOT NULL,
        user_sub uuid NOT NULL REFERENCES user_directory.users (sub) ON DELETE CASCADE,
        auth_time timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX hosted_sessions_expiry ON user_directory.hosted_sessions (expires_at)`);
    await q.query(`ALTER TABLE user_directory.refresh_tokens ADD COLUMN scopes text[]`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE user_directory.refresh_tokens DROP COLUMN scopes`);
    await q.query(`DROP TABLE user_directory.hosted_sessions`);
    await q.query(`DROP TABLE user_directory.authorization_codes`);
  }
}
