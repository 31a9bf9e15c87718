import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * WebAuthn passkeys (issue 11, ADR 0034). `webauthn_credentials` holds the credentials users
 * registered (CompleteWebAuthnRegistration): the credential id (base64url, unique across pools, as
 * WebAuthn asks of a relying party), its COSE public key, the authenticator's sign counter, the
 * transports and attachment it reported, the relying party it was made for, and when.
 */
export class WebAuthnCredentials1764115201300 implements MigrationInterface {
  name = 'WebAuthnCredentials1764115201300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_directory.webauthn_credentials (
        credential_id text PRIMARY KEY,
        pool_id text NOT NULL,
        user_sub uuid NOT NULL REFERENCES user_directory.users (sub) ON DELETE CASCADE,
        public_key bytea NOT NULL,
        sign_count bigint NOT NULL,
        transports jsonb NOT NULL,
        attachment text,
        relying_party_id text NOT NULL,
        friendly_name text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX webauthn_credentials_by_user ON user_directory.webauthn_credentials (user_sub, created_at, credential_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE user_directory.webauthn_credentials`);
  }
}
