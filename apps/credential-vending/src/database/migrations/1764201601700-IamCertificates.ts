import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * IAM server certificates (ADR 0085): the certificate and its chain as uploaded, the private key
 * sealed (never in clear), names unique in any case. IAM users' signing certificates: one
 * certificate (by its SHA-256) once in the account, the user's (no cascade: DeleteUser answers
 * DeleteConflict first). IAM users' SSH public keys: ssh-rsa form, one key (by its MD5
 * fingerprint) once a user, no cascade either. Service-specific credentials: the password only as
 * a keyed digest.
 */
export class IamCertificates1764201601700 implements MigrationInterface {
  name = 'IamCertificates1764201601700';

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
    await q.query(`
      CREATE TABLE credential_vending.signing_certificates (
        certificate_id text PRIMARY KEY,
        user_id text NOT NULL REFERENCES credential_vending.users (user_id),
        certificate_body text NOT NULL,
        fingerprint text NOT NULL,
        status text NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT signing_certificates_fingerprint_key UNIQUE (fingerprint),
        CONSTRAINT signing_certificates_status CHECK (status IN ('Active', 'Inactive'))
      )`);
    await q.query(
      `CREATE INDEX signing_certificates_user_idx ON credential_vending.signing_certificates (user_id)`,
    );
    await q.query(`
      CREATE TABLE credential_vending.ssh_public_keys (
        ssh_public_key_id text PRIMARY KEY,
        user_id text NOT NULL REFERENCES credential_vending.users (user_id),
        body text NOT NULL,
        fingerprint text NOT NULL,
        status text NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ssh_public_keys_user_fingerprint_key UNIQUE (user_id, fingerprint),
        CONSTRAINT ssh_public_keys_status CHECK (status IN ('Active', 'Inactive', 'Expired'))
      )`);
    await q.query(`
      CREATE TABLE credential_vending.service_credentials (
        credential_id text PRIMARY KEY,
        user_id text NOT NULL REFERENCES credential_vending.users (user_id),
        service_name text NOT NULL,
        service_user_name text NOT NULL,
        password_digest bytea NOT NULL,
        status text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT service_credentials_status CHECK (status IN ('Active', 'Inactive', 'Expired'))
      )`);
    await q.query(
      `CREATE INDEX service_credentials_user_idx ON credential_vending.service_credentials (user_id, service_name)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE credential_vending.service_credentials`);
    await q.query(`DROP TABLE credential_vending.ssh_public_keys`);
    await q.query(`DROP TABLE credential_vending.signing_certificates`);
    await q.query(`DROP TABLE credential_vending.server_certificates`);
  }
}
