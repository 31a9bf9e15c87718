import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A pool's SAML signing key (issue 10, ADR 0059): the RSA key its service provider signs
 * AuthnRequests with when a provider's `RequestSigningAlgorithm` is `rsa-sha256`, made on first need,
 * its private key sealed under the key-encryption key, its certificate what GetSigningCertificate
 * answers. One per pool; gone with the pool.
 */
export class SamlSigningKeys1764115202700 implements MigrationInterface {
  name = 'SamlSigningKeys1764115202700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_directory.saml_signing_keys (
        pool_id text PRIMARY KEY REFERENCES user_directory.user_pools (id) ON DELETE CASCADE,
        certificate text NOT NULL,
        private_key_enc bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE user_directory.saml_signing_keys`);
  }
}
