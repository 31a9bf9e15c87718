import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import {
  AppClientChangedEvent,
  InvalidMessageError,
  parseMessage,
  USER_DIRECTORY_CACHE_GROUP,
  UserDirectoryTopics,
  UserPoolDeletedEvent,
  UserPoolSettingsChangedEvent,
} from '@idfed/contracts';
import {
  BroadcastEvent,
  BroadcastSubscription,
  subscribeToBroadcast,
  TransportConfig,
} from '@idfed/messaging';
import { PoolsService } from '../pools/pools.service';
import { USER_DIRECTORY_TRANSPORT } from '../user-directory.tokens';
import { ClientsService } from './clients.service';

/** The events after which a replica's cached client (with its pool) may be stale. */
export const CLIENT_CACHE_TOPICS = [
  UserDirectoryTopics.appClientChanged,
  UserDirectoryTopics.userPoolSettingsChanged,
  UserDirectoryTopics.userPoolDeleted,
];

/**
 * Keeps this replica's app-client cache (ClientsService) in step with changes another replica
 * made (ADR 0064): every replica reads every app-client, pool-settings and pool-deleted event (a
 * broadcast subscription: over Kafka a consumer group of its own, in process one more subscriber)
 * and drops what it holds for the client or pool. Dropping is idempotent, so a redelivered or
 * replayed event costs one more database read at most; the replica that made the change has
 * already dropped its entry when the event arrives.
 */
@Injectable()
export class ClientCacheInvalidation implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ClientCacheInvalidation.name);
  private subscription?: BroadcastSubscription;

  constructor(
    @Inject(USER_DIRECTORY_TRANSPORT) private readonly transport: TransportConfig,
    @Inject(ClientsService) private readonly clients: ClientsService,
    @Inject(PoolsService) private readonly pools: PoolsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.subscription = await subscribeToBroadcast(
      this.transport,
      USER_DIRECTORY_CACHE_GROUP,
      CLIENT_CACHE_TOPICS,
      (event) => this.handle(event),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.close();
  }

  handle(event: BroadcastEvent): void {
    try {
      switch (event.topic) {
        case UserDirectoryTopics.appClientChanged:
          this.clients.forget(parseMessage(AppClientChangedEvent, event.value).clientId);
          return;
        case UserDirectoryTopics.userPoolSettingsChanged:
          this.clients.forgetPool(parseMessage(UserPoolSettingsChangedEvent, event.value).userPoolId);
          return;
        case UserDirectoryTopics.userPoolDeleted:
          // The pool's signing keys as well as its clients (PoolsService's deletion listeners).
          this.pools.forgetDeleted(parseMessage(UserPoolDeletedEvent, event.value).userPoolId);
          return;
        default:
          return;
      }
    } catch (err) {
      if (!(err instanceof InvalidMessageError)) throw err;
      this.logger.warn(`ignoring an invalid ${event.topic} event: ${err.message}`);
    }
  }
}
