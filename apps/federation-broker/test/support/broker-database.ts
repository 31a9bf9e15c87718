import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { migrateServiceSchema, serviceDataSourceOptions } from '@idfed/persistence';
import { FederationBrokerConfig } from '../../src/config/federation-broker.config';
import { federationBrokerEntities } from '../../src/database/entities';
import { federationBrokerMigrations } from '../../src/database/migrations';
import { FEDERATION_BROKER_SCHEMA } from '../../src/database/schema';

export const testBrokerConfig: FederationBrokerConfig = {
  region: 'us-east-1',
  accountId: '000000000000',
  publicUrl: 'http://127.0.0.1:1',
  issuer: 'http://127.0.0.1:1/identity',
  social: { facebookGraphUrl: 'http://127.0.0.1:1', amazonApiUrl: 'http://127.0.0.1:1' },
};

export interface BrokerDatabase {
  ds: DataSource;
  /** Closes the connections and drops the database. */
  drop(): Promise<void>;
}

/**
 * A database of its own on IDFED_TEST_DATABASE_URL's server with the broker's schema migrated, so
 * a spec's rows (and the issuer key, which is global to a schema) never meet another spec's.
 */
export async function createBrokerDatabase(prefix: string): Promise<BrokerDatabase> {
  const serverUrl = process.env.IDFED_TEST_DATABASE_URL!;
  const dbName = `${prefix}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new Client({ connectionString: serverUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE "${dbName}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  const ds = new DataSource(
    serviceDataSourceOptions({
      url: url.toString(),
      schema: FEDERATION_BROKER_SCHEMA,
      entities: federationBrokerEntities,
      migrations: federationBrokerMigrations,
      // Every racer holds a connection of its own, as replicas would.
      poolSize: 24,
    }),
  );
  await ds.initialize();
  await migrateServiceSchema(ds, FEDERATION_BROKER_SCHEMA);
  return {
    ds,
    drop: async () => {
      await ds.destroy();
      await admin(`DROP DATABASE IF EXISTS "${dbName}"`);
    },
  };
}

/** One number from a `SELECT count(*)::int AS n ...`. */
export async function countOf(ds: DataSource, sql: string, params: unknown[]): Promise<number> {
  const [row] = await ds.query<{ n: number }[]>(sql, params);
  return row.n;
}
