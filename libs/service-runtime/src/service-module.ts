import { DynamicModule, Module, Provider, Type } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { RateLimits } from '@idfed/config';
import { AuditCommands, HealthCommands, ServiceName } from '@idfed/contracts';
import { serviceMessagingProviders, TransportConfig } from '@idfed/messaging';
import { SERVICE_SCHEMA, ServiceDatabaseOptions, Transactions } from '@idfed/persistence';
import { databaseProvider, DatabaseShutdown } from './database.provider';
import { AUDIT_OPTIONS, AuditTrail } from './audit/audit-trail';
import { AuditOptions } from './audit/audit-record';
import { RecordRefusedCallHandler } from './audit/record-refused-call.handler';
import { ErrorContractMonitor } from './operations/error-contract.monitor';
import { HealthHandler, SERVICE_NAME } from './operations/health.handler';
import { OperationBinding, serve } from './operations/operation-handler';
import { operationsController, RegionScope } from './operations/operations.controller';
import { assertRegistryComplete } from './operations/registry-completeness';
import { RateLimitInterceptor } from './rate-limits/rate-limit.interceptor';
import { RATE_LIMITS, SharedRateLimiter } from './rate-limits/shared-rate-limiter';

export interface ServiceModuleOptions {
  service: ServiceName;
  schema: string;
  transport: TransportConfig;
  databaseUrl: string;
  entities: ServiceDatabaseOptions['entities'];
  migrations: ServiceDatabaseOptions['migrations'];
  /**
   * The service's operation registry: every operation the catalog gives it, each bound to its
   * handler (checked at start-up). Health is bound here for every service.
   */
  operations?: OperationBinding[];
  /** What a request of one region may not name: another region's resources (ADR 0032). */
  regionScope?: RegionScope;
  /** Event consumers (`@EventPattern` controllers); operations go in `operations`. */
  controllers?: Type<unknown>[];
  providers?: Provider[];
  /**
   * Request rate limits of the client operations this service serves, shared by its replicas
   * through `<schema>.rate_limit_buckets` (the service's migrations must create it).
   */
  rateLimits?: RateLimits;
  /**
   * The service's audit records (ADR 0054): every signed call that changed state or was refused,
   * CloudTrail-shaped, on `<service>.audit.v1` through the outbox. Absent, none are written.
   */
  audit?: AuditOptions;
}

/**
 * What every service has in common: its own schema (migrated at start), the outbox relay and
 * inbox on its bus, and the health handler. A service adds its handlers and use cases.
 */
@Module({})
export class ServiceModule {
  static register(options: ServiceModuleOptions): DynamicModule {
    const health = serve(HealthCommands[options.service], HealthHandler);
    // The gateway's refusals reach the refused operation's service, whose outbox has the record.
    const refusals = serve(AuditCommands[options.service], RecordRefusedCallHandler);
    const bindings = [health, refusals, ...(options.operations ?? [])];
    if (options.operations) assertRegistryComplete(options.service, bindings);
    const handlers = [...new Set(bindings.map((b) => b.handler))];
    return {
      module: ServiceModule,
      controllers: [operationsController(bindings, options.regionScope), ...(options.controllers ?? [])],
      providers: [
        { provide: SERVICE_NAME, useValue: options.service },
        { provide: SERVICE_SCHEMA, useValue: options.schema },
        ErrorContractMonitor,
        ...handlers,
        databaseProvider({
          url: options.databaseUrl,
          schema: options.schema,
          entities: options.entities,
          migrations: options.migrations,
          migrate: true,
          applicationName: `idfed-${options.service}`,
        }),
        DatabaseShutdown,
        Transactions,
        ...serviceMessagingProviders(options.transport),
        ...(options.rateLimits ? rateLimitProviders(options.rateLimits) : []),
        ...(options.audit ? [{ provide: AUDIT_OPTIONS, useValue: options.audit }, AuditTrail] : []),
        ...(options.providers ?? []),
      ],
    };
  }
}

function rateLimitProviders(limits: RateLimits): Provider[] {
  return [
    { provide: RATE_LIMITS, useValue: limits },
    SharedRateLimiter,
    { provide: APP_INTERCEPTOR, useClass: RateLimitInterceptor },
  ];
}
