import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * IAM instance profiles (ADR 0085): names unique in any case, the one role a profile may hold
 * (a role in a profile cannot be deleted: no cascade, DeleteRole answers DeleteConflict first).
 */
export class IamInstanceProfiles1764201601600 implements MigrationInterface {
  name = 'IamInstanceProfiles1764201601600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE credential_vending.instance_profiles (
        instance_profile_id text PRIMARY KEY,
        name text NOT NULL,
        name_key text NOT NULL,
        path text NOT NULL,
        arn text NOT NULL,
        role_id text REFERENCES credential_vending.roles (role_id),
        tags jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT instance_profiles_name_key UNIQUE (name_key)
      )`);
    await q.query(
      `CREATE INDEX instance_profiles_role_idx ON credential_vending.instance_profiles (role_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE credential_vending.instance_profiles`);
  }
}
