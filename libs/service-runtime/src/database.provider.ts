import { Inject, Injectable, Logger, OnApplicationShutdown, Provider } from '@nestjs/common';
import { migrateServiceSchema, serviceDataSourceOptions, ServiceDatabaseOptions } from '@idfed/persistence';
import { DataSource } from 'typeorm';

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
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
