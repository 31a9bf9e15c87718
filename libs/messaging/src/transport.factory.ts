import { ClientProxy, CustomTransportStrategy, Server } from '@nestjs/microservices';
import { ServiceName } from '@idfed/contracts';
import { EventRetryPolicy } from './dead-letter/event-retry-policy';
import { EventPublisher } from './event-publisher';
import { InProcessBus } from './in-process/in-process.bus';
import { InProcessClient } from './in-process/in-process.client';
import { InProcessServer } from './in-process/in-process.server';
import { KafkaClient } from './kafka/kafka.client';
import { KafkaServer } from './kafka/kafka.server';

/** Which bus a process uses: the only place that knows there are two. */
export type TransportConfig =
  | { kind: 'in-process'; bus?: InProcessBus; requestTtlMs?: number; eventRetry?: EventRetryPolicy }
  | {
      kind: 'kafka';
      brokers: string[];
      partitions: number;
      clientId: string;
      requestTtlMs?: number;
      sessionTimeoutMs?: number;
      /** How often a consumed event is tried before it goes to the dead letter (ADR 0012). */
      eventRetry?: EventRetryPolicy;
    };

export type BusClientProxy = ClientProxy & EventPublisher;

export function createServerTransport(
  service: ServiceName,
  config: TransportConfig,
): Server & CustomTransportStrategy {
  return config.kind === 'kafka'
    ? new KafkaServer(
        service,
        {
          brokers: config.brokers,
          partitions: config.partitions,
          clientId: config.clientId,
          sessionTimeoutMs: config.sessionTimeoutMs,
        },
        undefined,
        config.eventRetry,
      )
    : new InProcessServer(service, config.bus, config.eventRetry);
}

/**
 * A client for an app. `replyGroup` is set by apps that send commands and wait for replies (the
 * gateways); services that only publish their outbox leave it out.
 */
export function createClientTransport(config: TransportConfig, replyGroup?: string): BusClientProxy {
  return config.kind === 'kafka'
    ? new KafkaClient({
        brokers: config.brokers,
        partitions: config.partitions,
        clientId: config.clientId,
        sessionTimeoutMs: config.sessionTimeoutMs,
        replyGroup,
        requestTtlMs: config.requestTtlMs,
      })
    : new InProcessClient(config.bus, config.requestTtlMs);
}
