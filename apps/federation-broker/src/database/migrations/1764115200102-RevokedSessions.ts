import { MigrationInterface, QueryRunner } from 'typeorm';

/** Sessions of user-pool users the user directory reported revoked, by their tokens' origin_jti. */
export class RevokedSessions1764115200102 implements MigrationInterface {
  name = 'RevokedSessions1764115200102';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE federation_broker.revoked_sessions (
        user_pool_id text NOT NULL,
        origin_jti uuid NOT NULL,
        revoked_at timestamptz NOT NULL,
        PRIMARY KEY (user_pool_id, origin_jti)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE federation_broker.revoked_sessions`);
  }
}
