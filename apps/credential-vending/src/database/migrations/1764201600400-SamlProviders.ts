import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * IAM SAML providers and the SAML assertions STS has accepted (ADR 0040). A provider keeps the
 * metadata document as given (GetSAMLProvider answers it back) and what AssumeRoleWithSAML checks
 * against: the IdP's entity id and signing certificates. An assertion's id is remembered, per
 * provider, until it could no longer be accepted anyway; the primary key is what refuses a replay,
 * on every replica at once.
 */
export class SamlProviders1764201600400 implements MigrationInterface {
  name = 'SamlProviders1764201600400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE credential_vending.saml_providers (
        arn text PRIMARY KEY,
        name text NOT NULL,
        provider_uuid uuid NOT NULL,
        metadata_document text NOT NULL,
        entity_id text NOT NULL,
        signing_certificates jsonb NOT NULL,
        valid_until timestamptz NOT NULL,
        tags jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE credential_vending.saml_assertions_used (
        provider_arn text NOT NULL,
        assertion_id text NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (provider_arn, assertion_id)
      )`);
    await q.query(
      `CREATE INDEX saml_assertions_used_expiry_idx ON credential_vending.saml_assertions_used (expires_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE credential_vending.saml_assertions_used`);
    await q.query(`DROP TABLE credential_vending.saml_providers`);
  }
}
