import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * IAM groups (ADR 0046): the groups, their members (cascading with either side), their inline
 * policies and their attached managed policies (an attachment refuses its policy's deletion).
 */
export class IamGroups1764201600500 implements MigrationInterface {
  name = 'IamGroups1764201600500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE credential_vending.groups (
        group_id text PRIMARY KEY,
        name text NOT NULL,
        name_key text NOT NULL,
        path text NOT NULL,
        arn text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT groups_name_key UNIQUE (name_key)
      )`);
    await q.query(`CREATE UNIQUE INDEX groups_arn_idx ON credential_vending.groups (arn)`);
    await q.query(`
      CREATE TABLE credential_vending.group_members (
        group_id text NOT NULL REFERENCES credential_vending.groups (group_id) ON DELETE CASCADE,
        user_id text NOT NULL REFERENCES credential_vending.users (user_id) ON DELETE CASCADE,
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (group_id, user_id)
      )`);
    await q.query(`CREATE INDEX group_members_user_idx ON credential_vending.group_members (user_id)`);
    await q.query(`
      CREATE TABLE credential_vending.group_inline_policies (
        group_id text NOT NULL REFERENCES credential_vending.groups (group_id) ON DELETE CASCADE,
        policy_name text NOT NULL,
        document text NOT NULL,
        document_size integer NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (group_id, policy_name)
      )`);
    await q.query(`
      CREATE TABLE credential_vending.group_policy_attachments (
        group_id text NOT NULL REFERENCES credential_vending.groups (group_id) ON DELETE CASCADE,
        policy_id text NOT NULL REFERENCES credential_vending.managed_policies (policy_id),
        attached_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (group_id, policy_id)
      )`);
    await q.query(
      `CREATE INDEX group_policy_attachments_policy_idx ON credential_vending.group_policy_attachments (policy_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['group_policy_attachments', 'group_inline_policies', 'group_members', 'groups']) {
      await q.query(`DROP TABLE credential_vending.${table}`);
    }
  }
}
