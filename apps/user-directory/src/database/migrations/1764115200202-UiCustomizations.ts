import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hosted pages' look (issue 10): per pool (`client_id` `ALL`) or per app client, the CSS that
 * SetUICustomization accepted and the logo (PNG or JPEG bytes, with its media type).
 */
export class UiCustomizations1764115200202 implements MigrationInterface {
  name = 'UiCustomizations1764115200202';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_directory.ui_customizations (
        pool_id text NOT NULL REFERENCES user_directory.user_pools (id) ON DELETE CASCADE,
        client_id text NOT NULL,
        css text,
        image bytea,
        image_type text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (pool_id, client_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE user_directory.ui_customizations`);
  }
}
