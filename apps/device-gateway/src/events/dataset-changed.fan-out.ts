import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import {
  DatasetChangedEvent,
  DeviceSubscriptionChangedEvent,
  DEVICE_GATEWAY_EVENTS_GROUP,
  DeviceSyncTopics,
  InvalidMessageError,
  parseMessage,
} from '@idfed/contracts';
import { BroadcastEvent, BroadcastSubscription, Headers, subscribeToBroadcast } from '@idfed/messaging';
import {
  DEVICE_GATEWAY_LOGGER,
  DEVICE_GATEWAY_OPTIONS,
  DeviceGatewayOptions,
} from '../device-gateway.options';
import { SocketRegistry } from '../sockets/socket-registry';
import { RecentEventIds } from './recent-event-ids';

/**
 * Turns device sync's dataset-changed events into SyncTrigger frames on this replica's sockets,
 * and its device-subscription events into changes of the registered devices' open sockets.
 * Every replica reads every event (a broadcast subscription: over Kafka a consumer group per
 * replica), since the identity's sockets may be on any of them. A redelivered event (same event id)
 * is pushed once; one that slips past the window is harmless, as a SyncTrigger is a hint carrying
 * the sync count, and a device that syncs again finds nothing newer.
 */
@Injectable()
export class DatasetChangedFanOut implements OnApplicationBootstrap, OnApplicationShutdown {
  private subscription?: BroadcastSubscription;
  private readonly seen = new RecentEventIds();
  /** Pushes queued, for the bench and the logs. */
  pushed = 0;

  constructor(
    @Inject(SocketRegistry) private readonly registry: SocketRegistry,
    @Inject(DEVICE_GATEWAY_OPTIONS) private readonly options: DeviceGatewayOptions,
    @Inject(DEVICE_GATEWAY_LOGGER) private readonly logger: Logger,
  ) {}

  get subscribed(): boolean {
    return this.subscription !== undefined;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.subscription = await subscribeToBroadcast(
      this.options.transport,
      DEVICE_GATEWAY_EVENTS_GROUP,
      [DeviceSyncTopics.datasetChanged, DeviceSyncTopics.deviceSubscriptionChanged],
      (event) => this.handle(event),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.close();
  }

  handle(event: BroadcastEvent): void {
    const eventId = event.headers[Headers.eventId];
    if (eventId !== undefined && !this.seen.firstSighting(eventId)) return;
    try {
      if (event.topic === DeviceSyncTopics.deviceSubscriptionChanged) {
        this.registry.applyDeviceSubscription(parseMessage(DeviceSubscriptionChangedEvent, event.value));
      } else {
        this.pushed += this.registry.push(parseMessage(DatasetChangedEvent, event.value));
      }
    } catch (err) {
      if (!(err instanceof InvalidMessageError)) throw err;
      this.logger.warn({ topic: event.topic, eventId, reason: err.message }, 'ignoring an invalid event');
    }
  }
}
