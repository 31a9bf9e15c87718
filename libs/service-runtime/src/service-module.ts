import { DynamicModule, Module, Provider, Type } from '@nestjs/common';
import { ServiceName } from '@idfed/contracts';
import { serviceMessagingProviders, TransportConfig } from '@idfed/messaging';
import { ServiceDatabaseOptions } from '@idfed/persistence';
import { databaseProvider, databaseShutdownProvider } from './database.provider';
import { healthHandlersFor } from './health.handlers';

export interface ServiceModuleOptions {
  service: ServiceName;
  schema: string;
  transport: TransportConfig;
  databaseUrl: string;
  entities: ServiceDatabaseOptions['entities'];
  migrations: ServiceDatabaseOptions['migrations'];
  controllers?: Type<unknown>[];
  providers?: Provider[];
}

/**
 * What every service has in common: its own schema (migrated at start), the outbox relay and
 * inbox on its bus, and the health handler. A service adds its handlers and use cases.
 */
@Module({})
export class ServiceModule {
  static register(options: ServiceModuleOptions): DynamicModule {
    return {
      module: ServiceModule,
      controllers: [healthHandlersFor(options.service), ...(options.controllers ?? [])],
      providers: [
        databaseProvider({
          url: options.databaseUrl,
          schema: options.schema,
          entities: options.entities,
          migrations: options.migrations,
          migrate: true,
          applicationName: `idfed-${options.service}`,
        }),
        databaseShutdownProvider,
        ...serviceMessagingProviders({
          service: options.service,
          schema: options.schema,
          transport: options.transport,
        }),
        ...(options.providers ?? []),
      ],
    };
  }
}
