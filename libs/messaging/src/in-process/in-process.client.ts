import { ClientProxy, ReadPacket, WritePacket } from '@nestjs/microservices';
import { CommandEnvelope, serviceOfPattern } from '@idfed/contracts';
import { EventPublisher, OutboundEvent } from '../event-publisher';
import { deadlineOf, Headers } from '../headers';
import { TransportErrors } from '../service-error';
import { copyThroughWire, InProcessBus } from './in-process.bus';

/** Sends commands to, and publishes events on, the in-process bus. */
export class InProcessClient extends ClientProxy implements EventPublisher {
  constructor(
    private readonly bus: InProcessBus = InProcessBus.shared,
    /** Past this a queued command is not started: its caller has given up (as over Kafka). */
    private readonly requestTtlMs = 15_000,
  ) {
    super();
  }

  async connect(): Promise<void> {}

  close(): void {}

  unwrap<T>(): T {
    return this.bus as T;
  }

  protected publish(
    packet: ReadPacket<CommandEnvelope<unknown>>,
    callback: (packet: WritePacket) => void,
  ): () => void {
    const pattern = String(packet.pattern);
    const service = serviceOfPattern(pattern);
    const server = service && this.bus.commandServer(service);
    let cancelled = false;
    if (!server) {
      setImmediate(() =>
        callback({
          err: TransportErrors.unavailable(`${service ?? pattern} is not running`),
          isDisposed: true,
        }),
      );
      return () => undefined;
    }
    const envelope = copyThroughWire(packet.data);
    const headers = {
      [Headers.correlationId]: envelope.meta.requestId,
      [Headers.pattern]: pattern,
      [Headers.deadline]: String(deadlineOf(envelope, Date.now() + this.requestTtlMs)),
    };
    // setImmediate: like a network hop, the caller never runs the handler on its own stack.
    setImmediate(() => {
      server(pattern, envelope, headers).then(
        (outcome) => {
          if (cancelled) return;
          callback(
            outcome.ok
              ? { response: outcome.response, isDisposed: true }
              : { err: outcome.error, isDisposed: true },
          );
        },
        () => !cancelled && callback({ err: TransportErrors.internal(), isDisposed: true }),
      );
    });
    return () => {
      cancelled = true;
    };
  }

  protected async dispatchEvent<T = undefined>(packet: ReadPacket<OutboundEvent>): Promise<T> {
    await this.publishEvents([packet.data]);
    return undefined as T;
  }

  /**
   * Resolves when every subscribing group has handled every event, so the outbox row is deleted only
   * after delivery: a crash before that leaves the row in place and the event is relayed again.
   * Events of one key go one after another; different keys go in parallel, as Kafka partitions would.
   * Each subscriber retries and dead-letters on its own side, as a Kafka consumer would
   * (InProcessEventConsumer); a delivery that still fails fails the publish.
   */
  async publishEvents(events: OutboundEvent[]): Promise<void> {
    await this.bus.opened;
    // On disk before anyone hears it: the outbox row goes only once the record is durable.
    await this.bus.journal?.append(events);
    const byKey = new Map<string, OutboundEvent[]>();
    for (const event of events) byKey.set(event.key, [...(byKey.get(event.key) ?? []), event]);
    await Promise.all(
      [...byKey.values()].map(async (sameKey) => {
        for (const event of sameKey) {
          await Promise.all(
            this.bus
              .subscribers(event.topic)
              .map((listener) =>
                listener(event.topic, event.key, copyThroughWire(event.value), event.headers),
              ),
          );
        }
      }),
    );
  }
}
