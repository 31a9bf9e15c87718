import { DataSource, DataSourceOptions, MigrationInterface } from 'typeorm';
import { ParameterFreeLogger } from './parameter-free.logger';

export interface ServiceDatabaseOptions {
  url: string;
  /** The service's own schema: no service reads another's. */
  schema: string;
  entities: DataSourceOptions['entities'];
  migrations: (new () => MigrationInterface)[];
  poolSize?: number;
  applicationName?: string;
}

export function serviceDataSourceOptions(options: ServiceDatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    // The migrations table lives in the service's schema (TypeORM uses the connection's schema).
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    // Never TypeORM's own logger: it prints a failed statement's parameters (hashes, verifiers).
    logging: ['error', 'warn', 'migration'],
    logger: new ParameterFreeLogger(),
    extra: { max: options.poolSize ?? 10, application_name: options.applicationName ?? options.schema },
  };
}

/** The first key of the advisory locks idfed takes around a schema's migrations ('idfd'). */
const MIGRATION_LOCK_NAMESPACE = 0x69646664;

/**
 * Creates the schema (migrations cannot, as their table lives in it) and applies pending migrations.
 * Replicas starting together would otherwise race on the same DDL and crash on duplicate objects:
 * a session advisory lock per schema, held on a connection of its own, makes them take turns, and
 * the later ones find nothing left to apply.
 */
export async function migrateServiceSchema(dataSource: DataSource, schema: string): Promise<string[]> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1, hashtext($2))', [MIGRATION_LOCK_NAMESPACE, schema]);
    try {
      await createSchemaIfMissing(dataSource, schema);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1, hashtext($2))', [MIGRATION_LOCK_NAMESPACE, schema]);
    }
  } finally {
    await lock.release();
  }
}

/**
 * A service that connects as its own role finds its schema made for it by provisioning
 * (service-roles.ts) and has no right to create one; CREATE SCHEMA IF NOT EXISTS would be refused
 * even for an existing schema, so existence is checked first.
 */
async function createSchemaIfMissing(dataSource: DataSource, schema: string): Promise<void> {
  const [found] = await dataSource.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = $1`,
    [schema],
  );
  if (found.n === 0) await dataSource.query(`CREATE SCHEMA "${schema}"`);
}
