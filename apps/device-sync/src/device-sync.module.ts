import { DynamicModule } from '@nestjs/common';
import { TransportConfig } from '@idfed/messaging';
import { ServiceModule } from '@idfed/service-runtime';
import { deviceSyncMigrations } from './database/migrations';
import { DEVICE_SYNC_SCHEMA } from './database/schema';

/**
 * The device-sync service. So far it owns its schema (outbox and inbox only), its place on the bus
 * and its health handler; datasets, records and pushes arrive with its own issue (docs/status.md).
 */
export const DeviceSyncModule = {
  register(transport: TransportConfig, databaseUrl: string): DynamicModule {
    return ServiceModule.register({
      service: 'device-sync',
      schema: DEVICE_SYNC_SCHEMA,
      transport,
      databaseUrl,
      entities: [],
      migrations: deviceSyncMigrations,
    });
  },
};
