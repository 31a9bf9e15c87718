import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * IAM users, their access keys, inline policies, attached managed policies and permissions
 * boundary (ADR 0033). An access key's secret is sealed (AES-256-GCM) under a key derived from the
 * session-token master key, bound to the key id: a gateway, which holds that master key, can open
 * it to verify a signature, and a copied row opens under no other key id.
 */
export class IamUsersAndAccessKeys1764201600100 implements MigrationInterface {
  name = 'IamUsersAndAccessKeys1764201600100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE credential_vending.users (
        user_id text PRIMARY KEY,
        name text NOT NULL,
        name_key text NOT NULL,
        path text NOT NULL,
        arn text NOT NULL,
        permissions_boundary text,
        tags jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_name_key UNIQUE (name_key)
      )`);
    await q.query(`CREATE UNIQUE INDEX users_arn_idx ON credential_vending.users (arn)`);
    await q.query(`
      CREATE TABLE credential_vending.access_keys (
        access_key_id text PRIMARY KEY,
        user_id text NOT NULL REFERENCES credential_vending.users (user_id) ON DELETE CASCADE,
        secret_enc bytea NOT NULL,
        status text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        last_used_service text,
        last_used_region text,
        CONSTRAINT access_keys_status_check CHECK (status IN ('Active', 'Inactive'))
      )`);
    await q.query(`CREATE INDEX access_keys_user_idx ON credential_vending.access_keys (user_id)`);
    await q.query(`
      CREATE TABLE credential_vending.user_inline_policies (
        user_id text NOT NULL REFERENCES credential_vending.users (user_id) ON DELETE CASCADE,
        policy_name text NOT NULL,
        document text NOT NULL,
        document_size integer NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, policy_name)
      )`);
    await q.query(`
      CREATE TABLE credential_vending.user_policy_attachments (
        user_id text NOT NULL REFERENCES credential_vending.users (user_id) ON DELETE CASCADE,
        policy_id text NOT NULL REFERENCES credential_vending.managed_policies (policy_id),
        attached_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, policy_id)
      )`);
    await q.query(
      `CREATE INDEX user_policy_attachments_policy_idx ON credential_vending.user_policy_attachments (policy_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['user_policy_attachments', 'user_inline_policies', 'access_keys', 'users']) {
      await q.query(`DROP TABLE credential_vending.${table}`);
    }
  }
}
