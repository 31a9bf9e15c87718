import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A user pool's OAuth 2.0 resource servers and their custom scopes (issue 10). The identifier is
 * unique in its pool; the scopes (`ScopeName`, `ScopeDescription`, in the order given) are a
 * jsonb list, replaced as a whole by UpdateResourceServer.
 */
export class ResourceServers1764115200201 implements MigrationInterface {
  name = 'ResourceServers1764115200201';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_directory.resource_servers (
        pool_id text NOT NULL REFERENCES user_directory.user_pools (id) ON DELETE CASCADE,
        identifier text NOT NULL,
        name text NOT NULL,
        scopes jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (pool_id, identifier)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE user_directory.resource_servers`);
  }
}
