import { MigrationInterface, QueryRunner } from 'typeorm';

/** Identity pools' principal tag attribute maps, per identity provider name (ADR 0041). */
export class PrincipalTagMaps1764115200400 implements MigrationInterface {
  name = 'PrincipalTagMaps1764115200400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE federation_broker.identity_pools ADD COLUMN principal_tag_maps jsonb NOT NULL DEFAULT '{}'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE federation_broker.identity_pools DROP COLUMN principal_tag_maps`);
  }
}
