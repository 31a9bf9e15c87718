import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * IAM server certificates (ADR 0085): the certificate and its chain as uploaded, the private key
 * sealed (never in clear), names unique in any case.
 */
export class IamServerCertificates1764201601700 implements MigrationInterface {
  name = 'IamServerCertificates1764201601700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE credential_vending.server_certificates (
        server_certificate_id text PRIMARY KEY,
        name text NOT NULL,
        name_key text NOT NULL,
        path text NOT NULL,
        arn text NOT NULL,
        certificate_body text NOT NULL,
        certificate_chain text,
        private_key_enc bytea NOT NULL,
        expiration timestamptz NOT NULL,
        tags jsonb NOT NULL DEFAULT '[]',
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT server_certificates_name_key UNIQUE (name_key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE credential_vending.server_certificates`);
  }
}
