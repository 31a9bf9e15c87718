import { MessageHeaders } from './headers';

/** An event on its way out of a service: already committed to the outbox, now being relayed. */
export interface OutboundEvent {
  topic: string;
  key: string;
  value: unknown;
  headers: MessageHeaders;
}

/**
 * How the outbox relay hands events to the bus. Resolves only when the bus has them durably
 * (Kafka: acknowledged by all in-sync replicas; in-process: handled by every subscriber), so the
 * relay may then delete them from the outbox.
 */
export interface EventPublisher {
  publishEvents(events: OutboundEvent[]): Promise<void>;
}

export const EVENT_PUBLISHER = Symbol('EVENT_PUBLISHER');
