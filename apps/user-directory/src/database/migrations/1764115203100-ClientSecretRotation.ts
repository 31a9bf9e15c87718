import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Client secret rotation (issue 13, ADR 0074): the secrets an app client accepts, up to two, each
 * with its id (`<client id>--<creation in epoch milliseconds>`), sealed as `app_clients.secret_enc`
 * is (bound to the client id). `original` marks the secret made with the client, the one
 * DescribeUserPoolClient shows while it exists; `app_clients.secret_enc` keeps that one alone and
 * is cleared when it is deleted. Every existing secret becomes its client's original.
 */
export class ClientSecretRotation1764115203100 implements MigrationInterface {
  name = 'ClientSecretRotation1764115203100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_directory.app_client_secrets (
        id text PRIMARY KEY,
        client_id text NOT NULL REFERENCES user_directory.app_clients (id) ON DELETE CASCADE,
        secret_enc bytea NOT NULL,
        original boolean NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX app_client_secrets_by_client ON user_directory.app_client_secrets (client_id)`,
    );
    await q.query(`
      INSERT INTO user_directory.app_client_secrets (id, client_id, secret_enc, original, created_at)
      SELECT id || '--' || floor(extract(epoch FROM created_at) * 1000)::bigint, id, secret_enc, true, created_at
        FROM user_directory.app_clients
       WHERE secret_enc IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    // A client whose original secret was deleted keeps its oldest remaining one.
    await q.query(`
      UPDATE user_directory.app_clients c
         SET secret_enc = (SELECT s.secret_enc FROM user_directory.app_client_secrets s
                            WHERE s.client_id = c.id ORDER BY s.original DESC, s.created_at LIMIT 1)
       WHERE c.secret_enc IS NULL
         AND EXISTS (SELECT 1 FROM user_directory.app_client_secrets s WHERE s.client_id = c.id)`);
    await q.query(`DROP TABLE user_directory.app_client_secrets`);
  }
}
