import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * IAM SAML providers' assertion encryption (ADR 0055): `AssertionEncryptionMode` (`Required`,
 * `Allowed`, or null when never set) and the private keys, each sealed, with its id and time.
 */
export class SamlProviderEncryption1764201601100 implements MigrationInterface {
  name = 'SamlProviderEncryption1764201601100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE credential_vending.saml_providers ADD COLUMN assertion_encryption_mode text`);
    await q.query(
      `ALTER TABLE credential_vending.saml_providers ADD COLUMN private_keys jsonb NOT NULL DEFAULT '[]'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE credential_vending.saml_providers DROP COLUMN private_keys`);
    await q.query(`ALTER TABLE credential_vending.saml_providers DROP COLUMN assertion_encryption_mode`);
  }
}
