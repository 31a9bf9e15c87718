import { MigrationInterface, QueryRunner } from 'typeorm';

export class UserDirectoryTables1764115200001 implements MigrationInterface {
  name = 'UserDirectoryTables1764115200001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_directory.user_pools (
        id text PRIMARY KEY,
        name text NOT NULL,
        config jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE user_directory.app_clients (
        id text PRIMARY KEY,
        pool_id text NOT NULL REFERENCES user_directory.user_pools (id) ON DELETE CASCADE,
        name text NOT NULL,
        secret_enc bytea,
        config jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX app_clients_pool_idx ON user_directory.app_clients (pool_id, id)`);
    await q.query(`
      CREATE TABLE user_directory.users (
        sub uuid PRIMARY KEY,
        pool_id text NOT NULL REFERENCES user_directory.user_pools (id) ON DELETE CASCADE,
        username text NOT NULL,
        username_key text NOT NULL,
        alias_key text,
        password_hash text,
        status text NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        attributes jsonb NOT NULL DEFAULT '{}',
        tokens_valid_after timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_pool_username_key UNIQUE (pool_id, username_key)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX users_pool_alias_key ON user_directory.users (pool_id, alias_key) WHERE alias_key IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE user_directory.verification_codes (
        user_sub uuid NOT NULL REFERENCES user_directory.users (sub) ON DELETE CASCADE,
        purpose text NOT NULL,
        code_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        failed_attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_sub, purpose)
      )`);
    await q.query(`
      CREATE TABLE user_directory.refresh_tokens (
        token_hash bytea PRIMARY KEY,
        user_sub uuid NOT NULL REFERENCES user_directory.users (sub) ON DELETE CASCADE,
        pool_id text NOT NULL,
        client_id text NOT NULL,
        origin_jti uuid NOT NULL,
        event_id uuid NOT NULL,
        auth_time timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX refresh_tokens_user_idx ON user_directory.refresh_tokens (user_sub)`);
    await q.query(`
      CREATE TABLE user_directory.signing_keys (
        kid text PRIMARY KEY,
        pool_id text NOT NULL REFERENCES user_directory.user_pools (id) ON DELETE CASCADE,
        alg text NOT NULL,
        public_jwk jsonb NOT NULL,
        private_key_enc bytea NOT NULL,
        status text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX signing_keys_pool_idx ON user_directory.signing_keys (pool_id, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'signing_keys',
      'refresh_tokens',
      'verification_codes',
      'users',
      'app_clients',
      'user_pools',
    ]) {
      await q.query(`DROP TABLE user_directory.${table}`);
    }
  }
}
