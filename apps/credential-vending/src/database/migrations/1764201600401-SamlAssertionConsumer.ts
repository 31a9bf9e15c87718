import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who accepted a SAML assertion: `sts` (AssumeRoleWithSAML, once only) or
 * `cognito-identity:<pool id>` (an identity pool login, which the SDK presents to GetId and again
 * to GetCredentialsForIdentity): the assertion stays bound to that pool until it expires.
 */
export class SamlAssertionConsumer1764201600401 implements MigrationInterface {
  name = 'SamlAssertionConsumer1764201600401';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE credential_vending.saml_assertions_used ADD COLUMN consumer text NOT NULL DEFAULT 'sts'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE credential_vending.saml_assertions_used DROP COLUMN consumer`);
  }
}
