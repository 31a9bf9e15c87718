import { DynamicModule } from '@nestjs/common';
import { messagingTablesMigration, TransportConfig } from '@idfed/messaging';
import { ServiceModule } from '@idfed/service-runtime';

/**
 * The device-sync service. So far it owns its schema (outbox and inbox only), its place on the bus
 * and its health handler; its domain arrives with its own issue (see docs/status.md).
 */
export const DeviceSyncModule = {
  register(transport: TransportConfig, databaseUrl: string): DynamicModule {
    return ServiceModule.register({
      service: 'device-sync',
      schema: 'device_sync',
      transport,
      databaseUrl,
      entities: [],
      migrations: [messagingTablesMigration('device_sync')],
    });
  },
};
