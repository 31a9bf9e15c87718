import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An access token names its session by origin_jti; RevokeToken and the global sign-outs revoke the
 * session's refresh token row, and token checks look that row up by origin_jti.
 */
export class SessionRevocation1764115200003 implements MigrationInterface {
  name = 'SessionRevocation1764115200003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX refresh_tokens_origin_jti_idx ON user_directory.refresh_tokens (origin_jti)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX user_directory.refresh_tokens_origin_jti_idx`);
  }
}
