import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Session tracking (issue 13, ADR 0080). `session_settings`: a pool's
 * SetUserPoolSessionConfiguration (no row: Cognito's default, tracking off and 20 token sessions a
 * user); `tracking_since` is when tracking was last turned on, and only sessions opened since are
 * tracked. `client_sso_settings`: an app client's SSO session validity (no row: 60
 * minutes), kept while tracking is off and acting again when it is turned back on.
 * `hosted_sessions` (the SSO sessions) gain the id their SessionId is made from and the app client
 * the user signed in through; they are listed by user. `session_links`: the SSO session a token
 * session came through (its authorization code's, `authorization_codes.sso_session_id`), for
 * OriginSessionId and RevokeAssociatedSessions LINKED; written while the pool tracks sessions.
 */
export class UserSessionTracking1764115203400 implements MigrationInterface {
  name = 'UserSessionTracking1764115203400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_directory.session_settings (
        pool_id text PRIMARY KEY REFERENCES user_directory.user_pools (id) ON DELETE CASCADE,
        tracking boolean NOT NULL,
        max_per_user integer NOT NULL,
        tracking_since timestamptz,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE user_directory.client_sso_settings (
        client_id text PRIMARY KEY REFERENCES user_directory.app_clients (id) ON DELETE CASCADE,
        pool_id text NOT NULL,
        sso_max_validity_minutes integer NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`
      ALTER TABLE user_directory.hosted_sessions
        ADD COLUMN session_id uuid NOT NULL DEFAULT gen_random_uuid(),
        ADD COLUMN client_id text`);
    await q.query(
      `CREATE UNIQUE INDEX hosted_sessions_by_session_id ON user_directory.hosted_sessions (session_id)`,
    );
    await q.query(`CREATE INDEX hosted_sessions_by_user ON user_directory.hosted_sessions (user_sub)`);
    await q.query(`ALTER TABLE user_directory.authorization_codes ADD COLUMN sso_session_id uuid`);
    await q.query(`
      CREATE TABLE user_directory.session_links (
        origin_jti uuid PRIMARY KEY,
        sso_session_id uuid NOT NULL,
        user_sub uuid NOT NULL REFERENCES user_directory.users (sub) ON DELETE CASCADE,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX session_links_by_sso ON user_directory.session_links (sso_session_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE user_directory.session_links`);
    await q.query(`ALTER TABLE user_directory.authorization_codes DROP COLUMN sso_session_id`);
    await q.query(`DROP INDEX user_directory.hosted_sessions_by_user`);
    await q.query(`DROP INDEX user_directory.hosted_sessions_by_session_id`);
    await q.query(`ALTER TABLE user_directory.hosted_sessions DROP COLUMN client_id, DROP COLUMN session_id`);
    await q.query(`DROP TABLE user_directory.client_sso_settings`);
    await q.query(`DROP TABLE user_directory.session_settings`);
  }
}
