import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Refresh token rotation (issue 13, ADR 0074): when GetTokensFromRefreshToken replaced a token by
 * a new one of the same session. The replaced token is accepted for the client's
 * RetryGracePeriodSeconds after `rotated_at`, then answered RefreshTokenReuseException. Not
 * `revoked_at`: that one ends the whole session (its access tokens too), rotation does not.
 */
export class RefreshTokenRotation1764115203200 implements MigrationInterface {
  name = 'RefreshTokenRotation1764115203200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE user_directory.refresh_tokens ADD COLUMN rotated_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE user_directory.refresh_tokens DROP COLUMN rotated_at`);
  }
}
