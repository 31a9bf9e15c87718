import { DataSource, DataSourceOptions, MigrationInterface } from 'typeorm';

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
    logging: ['error'],
    extra: { max: options.poolSize ?? 10, application_name: options.applicationName ?? options.schema },
  };
}

/** Creates the schema (migrations cannot, as their table lives in it) and applies pending migrations. */
export async function migrateServiceSchema(dataSource: DataSource, schema: string): Promise<string[]> {
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}
