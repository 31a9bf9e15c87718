import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * IAM outbound identity federation (ADR 0086): the account's issuer (one row, made by the first
 * EnableOutboundWebIdentityFederation and kept when the feature is disabled, so tokens already
 * issued still verify) and the issuer's signing keys, one active key per algorithm, private keys
 * sealed (AES-256-GCM under a key derived from the session-token master key, the key id as
 * associated data). A retired key stays published until the last token it signed has expired.
 */
export class OutboundWebIdentityFederation1764201601800 implements MigrationInterface {
  name = 'OutboundWebIdentityFederation1764201601800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE credential_vending.outbound_federation (
         singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
         issuer_id text NOT NULL UNIQUE,
         enabled boolean NOT NULL,
         updated_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    await q.query(
      `CREATE TABLE credential_vending.outbound_signing_keys (
         kid text PRIMARY KEY,
         algorithm text NOT NULL CHECK (algorithm IN ('RS256', 'ES384')),
         public_jwk jsonb NOT NULL,
         private_key_enc bytea NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         retired_at timestamptz
       )`,
    );
    // One active key per algorithm, whatever two replicas race to create.
    await q.query(
      `CREATE UNIQUE INDEX outbound_signing_keys_active
         ON credential_vending.outbound_signing_keys (algorithm) WHERE retired_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE credential_vending.outbound_signing_keys`);
    await q.query(`DROP TABLE credential_vending.outbound_federation`);
  }
}
