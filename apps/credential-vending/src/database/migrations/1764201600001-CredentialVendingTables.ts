import { MigrationInterface, QueryRunner } from 'typeorm';

export class CredentialVendingTables1764201600001 implements MigrationInterface {
  name = 'CredentialVendingTables1764201600001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE credential_vending.roles (
        role_id text PRIMARY KEY,
        name text NOT NULL,
        name_key text NOT NULL,
        path text NOT NULL,
        arn text NOT NULL,
        assume_role_policy text NOT NULL,
        description text,
        max_session_duration integer NOT NULL DEFAULT 3600,
        tags jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT roles_name_key UNIQUE (name_key)
      )`);
    await q.query(`CREATE UNIQUE INDEX roles_arn_idx ON credential_vending.roles (arn)`);
    await q.query(`
      CREATE TABLE credential_vending.role_inline_policies (
        role_id text NOT NULL REFERENCES credential_vending.roles (role_id) ON DELETE CASCADE,
        policy_name text NOT NULL,
        document text NOT NULL,
        document_size integer NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (role_id, policy_name)
      )`);
    await q.query(`
      CREATE TABLE credential_vending.managed_policies (
        policy_id text PRIMARY KEY,
        name text NOT NULL,
        name_key text NOT NULL,
        path text NOT NULL,
        arn text NOT NULL,
        description text,
        default_version_id text NOT NULL,
        tags jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT managed_policies_name_key UNIQUE (name_key)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX managed_policies_arn_idx ON credential_vending.managed_policies (arn)`,
    );
    await q.query(`
      CREATE TABLE credential_vending.managed_policy_versions (
        policy_id text NOT NULL REFERENCES credential_vending.managed_policies (policy_id) ON DELETE CASCADE,
        version_id text NOT NULL,
        document text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (policy_id, version_id)
      )`);
    await q.query(`
      CREATE TABLE credential_vending.role_policy_attachments (
        role_id text NOT NULL REFERENCES credential_vending.roles (role_id) ON DELETE CASCADE,
        policy_id text NOT NULL REFERENCES credential_vending.managed_policies (policy_id),
        attached_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (role_id, policy_id)
      )`);
    await q.query(
      `CREATE INDEX role_policy_attachments_policy_idx ON credential_vending.role_policy_attachments (policy_id)`,
    );
    await q.query(`
      CREATE TABLE credential_vending.oidc_providers (
        arn text PRIMARY KEY,
        url_key text NOT NULL,
        issuer text NOT NULL,
        client_ids jsonb NOT NULL DEFAULT '[]',
        thumbprints jsonb NOT NULL DEFAULT '[]',
        tags jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT oidc_providers_url_key UNIQUE (url_key)
      )`);
    await q.query(`
      CREATE TABLE credential_vending.revocations (
        role_arn text PRIMARY KEY,
        revoked_before timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX revocations_time_idx ON credential_vending.revocations (revoked_before)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'revocations',
      'oidc_providers',
      'role_policy_attachments',
      'managed_policy_versions',
      'managed_policies',
      'role_inline_policies',
      'roles',
    ]) {
      await q.query(`DROP TABLE credential_vending.${table}`);
    }
  }
}
