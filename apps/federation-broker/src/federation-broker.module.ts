import { DynamicModule } from '@nestjs/common';
import { messagingTablesMigration, TransportConfig } from '@idfed/messaging';
import { ServiceModule } from '@idfed/service-runtime';

/**
 * The federation-broker service. So far it owns its schema (outbox and inbox only), its place on the bus
 * and its health handler; its domain arrives with its own issue (see docs/status.md).
 */
export const FederationBrokerModule = {
  register(transport: TransportConfig, databaseUrl: string): DynamicModule {
    return ServiceModule.register({
      service: 'federation-broker',
      schema: 'federation_broker',
      transport,
      databaseUrl,
      entities: [],
      migrations: [messagingTablesMigration('federation_broker')],
    });
  },
};
