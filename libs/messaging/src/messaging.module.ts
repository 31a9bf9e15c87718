import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown, Provider } from '@nestjs/common';
import { DeadLetterTable } from './dead-letter/dead-letter-table';
import { EVENT_PUBLISHER } from './event-publisher';
import { InboxService } from './outbox/inbox.service';
import { OutboxRelay } from './outbox/outbox.relay';
import { OutboxService } from './outbox/outbox.service';
import { BusClientProxy, createClientTransport, TransportConfig } from './transport.factory';

/** Starts the outbox relay with the application and drains it on shutdown. */
@Injectable()
export class RelayLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
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
 * Outbox, relay, inbox and dead-letter table for one service, bound to its schema. Providers rather
 * than a module: they need the service's DataSource and SERVICE_SCHEMA, which the service module
 * itself provides. The publisher is the one value built here: which client it is depends on the
 * transport the process was configured with.
 */
export function serviceMessagingProviders(transport: TransportConfig): Provider[] {
  return [
    { provide: EVENT_PUBLISHER, useValue: createClientTransport(transport) },
    OutboxService,
    InboxService,
    DeadLetterTable,
    OutboxRelay,
    RelayLifecycle,
  ];
}
