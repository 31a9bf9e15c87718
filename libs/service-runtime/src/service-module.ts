import { DynamicModule, Module, Provider, Type } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { RateLimits } from '@idfed/config';
import { ServiceName } from '@idfed/contracts';
import { serviceMessagingProviders, TransportConfig } from '@idfed/messaging';
import { ServiceDatabaseOptions } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { databaseProvider, databaseShutdownProvider } from './database.provider';
import { healthHandlersFor } from './health.handlers';
import { RateLimitInterceptor } from './rate-limits/rate-limit.interceptor';
import { SharedRateLimiter } from './rate-limits/shared-rate-limiter';

export interface ServiceModuleOptions {
  service: ServiceName;
  schema: string;
  transport: TransportConfig;
  databaseUrl: string;
  entities: ServiceDatabaseOptions['entities'];
  migrations: ServiceDatabaseOptions['migrations'];
  controllers?: Type<unknown>[];
  providers?: Provider[];
  /**
   * Request rate limits of the client operations this service serves, shared by its replicas
   * through `<schema>.rate_limit_buckets` (the service's migrations must create it).
   */
  rateLimits?: RateLimits;
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
        ...(options.rateLimits ? rateLimitProviders(options.schema, options.rateLimits) : []),
        ...(options.providers ?? []),
      ],
    };
  }
}

function rateLimitProviders(schema: string, limits: RateLimits): Provider[] {
  return [
    {
      provide: SharedRateLimiter,
      inject: [DataSource],
      useFactory: (ds: DataSource) => new SharedRateLimiter(ds, schema, limits),
    },
    { provide: APP_INTERCEPTOR, useClass: RateLimitInterceptor },
  ];
}
