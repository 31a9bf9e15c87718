import { Inject, Injectable, Logger, OnApplicationShutdown, Provider } from '@nestjs/common';
import { instrumentPgPool, PgPoolLike } from '@idfed/observability';
import { migrateServiceSchema, serviceDataSourceOptions, ServiceDatabaseOptions } from '@idfed/persistence';
import { DataSource } from 'typeorm';

/** The pool readings of each DataSource this module made, dropped when it closes. */
const poolProbes = new WeakMap<DataSource, () => void>();

/**
 * The service's DataSource, initialised and migrated before any handler can run: a service never
 * serves against a schema older than its code. A factory because that start is asynchronous: Nest
 * awaits an async factory before it builds anything that injects the DataSource.
 */
export function databaseProvider(options: ServiceDatabaseOptions & { migrate: boolean }): Provider {
  return {
    provide: DataSource,
    useFactory: async () => {
      const dataSource = new DataSource(serviceDataSourceOptions(options));
      await dataSource.initialize();
      // TypeORM's postgres driver keeps its node-postgres Pool as `master`.
      const pool = (dataSource.driver as unknown as { master?: PgPoolLike }).master;
      if (pool) poolProbes.set(dataSource, instrumentPgPool(pool, options.schema));
      if (options.migrate) {
        const applied = await migrateServiceSchema(dataSource, options.schema);
        if (applied.length) new Logger('Migrations').log(`${options.schema}: applied ${applied.join(', ')}`);
      }
      return dataSource;
    },
  };
}

/** Closes the pool when the app stops. */
@Injectable()
export class DatabaseShutdown implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    poolProbes.get(this.dataSource)?.();
    poolProbes.delete(this.dataSource);
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
