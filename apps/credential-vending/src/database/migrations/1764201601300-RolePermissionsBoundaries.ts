import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * IAM roles' permissions boundaries (issue 13): the managed policy's ARN, or null. Kept as the
 * ARN, like users' `permissions_boundary`; DeletePolicy refuses a policy in use as one.
 */
export class RolePermissionsBoundaries1764201601300 implements MigrationInterface {
  name = 'RolePermissionsBoundaries1764201601300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE credential_vending.roles ADD COLUMN permissions_boundary text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE credential_vending.roles DROP COLUMN permissions_boundary`);
  }
}
