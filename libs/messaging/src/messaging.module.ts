import { Inject, OnApplicationBootstrap, OnApplicationShutdown, Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ServiceName } from '@idfed/contracts';
import { DeadLetterTable } from './dead-letter/dead-letter-table';
import { EVENT_PUBLISHER } from './event-publisher';
import { InboxService } from './outbox/inbox.service';
import { OutboxRelay } from './outbox/outbox.relay';
import { OutboxService } from './outbox/outbox.service';
import { BusClientProxy, createClientTransport, TransportConfig } from './transport.factory';

export interface ServiceMessagingOptions {
  service: ServiceName;
  schema: string;
  transport: TransportConfig;
}

/** Starts the outbox relay with the application and drains it on shutdown. */
class RelayLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(EVENT_PUBLISHER) private readonly publisher: BusClientProxy,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.publisher.connect();
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.publisher.close();
  }
}

/**
 * Outbox, relay, inbox and dead-letter table for one service, bound to its schema. Providers rather than a module:
 * they need the service's DataSource, which the service module itself provides.
 */
export function serviceMessagingProviders(options: ServiceMessagingOptions): Provider[] {
  return [
    { provide: EVENT_PUBLISHER, useFactory: () => createClientTransport(options.transport) },
    { provide: OutboxService, useFactory: () => new OutboxService(options.schema) },
    {
      provide: InboxService,
      inject: [DataSource],
      useFactory: (ds: DataSource) => new InboxService(ds, options.schema),
    },
    {
      provide: DeadLetterTable,
      inject: [DataSource],
      useFactory: (ds: DataSource) => new DeadLetterTable(ds, options.schema),
    },
    {
      provide: OutboxRelay,
      inject: [DataSource, OutboxService, EVENT_PUBLISHER],
      useFactory: (ds: DataSource, outbox: OutboxService, publisher: BusClientProxy) =>
        new OutboxRelay(ds, options.schema, outbox, publisher),
    },
    RelayLifecycle,
  ];
}
