import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * User pool groups (CreateGroup and friends) and their members. Group names are case-sensitive and
 * unique in a pool; a membership goes with its user and with its group.
 */
export class UserPoolGroups1764115200005 implements MigrationInterface {
  name = 'UserPoolGroups1764115200005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_directory.groups (
        pool_id text NOT NULL REFERENCES user_directory.user_pools (id) ON DELETE CASCADE,
        name text NOT NULL,
        description text,
        role_arn text,
        precedence integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (pool_id, name)
      )`);
    await q.query(`
      CREATE TABLE user_directory.user_groups (
        pool_id text NOT NULL,
        group_name text NOT NULL,
        user_sub uuid NOT NULL REFERENCES user_directory.users (sub) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (pool_id, group_name, user_sub),
        FOREIGN KEY (pool_id, group_name) REFERENCES user_directory.groups (pool_id, name) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX user_groups_user_sub ON user_directory.user_groups (user_sub, group_name)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE user_directory.user_groups`);
    await q.query(`DROP TABLE user_directory.groups`);
  }
}
