import { MigrationInterface, QueryRunner } from 'typeorm';

export class FederationBrokerTables1764115200101 implements MigrationInterface {
  name = 'FederationBrokerTables1764115200101';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE federation_broker.identity_pools (
        id text PRIMARY KEY,
        name text NOT NULL,
        config jsonb NOT NULL,
        roles jsonb NOT NULL DEFAULT '{}',
        role_mappings jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE federation_broker.identities (
        id text PRIMARY KEY,
        pool_id text NOT NULL REFERENCES federation_broker.identity_pools (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX identities_pool_idx ON federation_broker.identities (pool_id, id)`);
    // A login (provider + the user's id there) belongs to at most one identity of a pool.
    await q.query(`
      CREATE TABLE federation_broker.identity_logins (
        pool_id text NOT NULL REFERENCES federation_broker.identity_pools (id) ON DELETE CASCADE,
        provider text NOT NULL,
        subject text NOT NULL,
        identity_id text NOT NULL REFERENCES federation_broker.identities (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (pool_id, provider, subject)
      )`);
    await q.query(
      `CREATE INDEX identity_logins_identity_idx ON federation_broker.identity_logins (identity_id)`,
    );
    await q.query(
      `CREATE INDEX identity_logins_subject_idx ON federation_broker.identity_logins (provider, subject)`,
    );
    await q.query(`
      CREATE TABLE federation_broker.issuer_keys (
        kid text PRIMARY KEY,
        public_jwk jsonb NOT NULL,
        private_key_enc bytea NOT NULL,
        status text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // What the user directory told us over the bus: pool keys, and users signed out or gone.
    await q.query(`
      CREATE TABLE federation_broker.user_pool_keys (
        kid text PRIMARY KEY,
        user_pool_id text NOT NULL,
        public_jwk jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX user_pool_keys_pool_idx ON federation_broker.user_pool_keys (user_pool_id)`);
    await q.query(`
      CREATE TABLE federation_broker.user_pool_user_states (
        user_pool_id text NOT NULL,
        sub text NOT NULL,
        tokens_valid_after timestamptz,
        disabled boolean NOT NULL DEFAULT false,
        deleted boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_pool_id, sub)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'user_pool_user_states',
      'user_pool_keys',
      'issuer_keys',
      'identity_logins',
      'identities',
      'identity_pools',
    ]) {
      await q.query(`DROP TABLE federation_broker.${table}`);
    }
  }
}
