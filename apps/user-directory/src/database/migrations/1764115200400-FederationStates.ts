import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in through an identity provider (issue 10, ADR 0024). `federation_states` holds each
 * redirect to a provider until its answer comes back to /oauth2/idpresponse (once) or it expires:
 * the SHA-256 of the `state` sent to the provider, the SHA-256 of the browser-binding cookie's
 * value, the provider, the callback URL given to it and the app's authorization request.
 */
export class FederationStates1764115200400 implements MigrationInterface {
  name = 'FederationStates1764115200400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_directory.federation_states (
        state_hash bytea PRIMARY KEY,
        pool_id text NOT NULL,
        provider_name text NOT NULL,
        binding_hash bytea NOT NULL,
        callback_url text NOT NULL,
        params jsonb NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX federation_states_expiry ON user_directory.federation_states (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE user_directory.federation_states`);
  }
}
