import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { MessageHeaders } from '../headers';
import { InProcessBus } from '../in-process/in-process.bus';
import { TransportConfig } from '../transport.factory';
import { KafkaBroadcastConsumer } from './kafka-broadcast.consumer';

/** One event as a broadcast subscriber sees it. The value is untrusted JSON: parse it before use. */
export interface BroadcastEvent {
  topic: string;
  key: string;
  value: unknown;
  headers: MessageHeaders;
}

/**
 * Handles one event. It must not throw and must not wait: a broadcast subscriber acts on its own
 * memory (pushing to sockets, say), so there is nothing to retry and nothing to dead-letter.
 */
export type BroadcastHandler = (event: BroadcastEvent) => void;

export interface BroadcastSubscription {
  close(): Promise<void>;
}

/**
 * Events of some topics to read again from a point in time before the subscription starts, for a
 * subscriber whose memory must hold what happened before it ran (a token verifier must know who
 * signed out an hour ago). Over Kafka the subscription resolves only once it has read them up to
 * the end the topics had at its start. In process, they are read from the bus's journal when the
 * launcher keeps one (ADR 0042), before the subscription resolves; without a journal nothing is
 * replayed. A replayed event may also arrive live: subscribers dedupe by event id.
 */
export interface BroadcastReplay {
  topics: string[];
  sinceMs: number;
}

/**
 * Every instance of an app sees every event of `topics`, unlike a service's consumer group, where
 * replicas share the partitions: what an app needs when the state an event concerns (a device's
 * socket) lives in one unknown replica. Over Kafka each instance reads through a consumer group of
 * its own, `<group>.<random id>`, from the latest offset (an instance acts on what happens while
 * it runs; it has nothing to catch up on) unless asked to replay some topics, and deletes that group when it closes, as the reply
 * consumers do. In process, it is one more subscriber of the bus. Resolves once events are flowing
 * to it: over Kafka, after the first fetch has positioned the consumer.
 */
export async function subscribeToBroadcast(
  transport: TransportConfig,
  group: string,
  topics: string[],
  handler: BroadcastHandler,
  replay?: BroadcastReplay,
): Promise<BroadcastSubscription> {
  const instanceGroup = `${group}.${randomUUID()}`;
  if (transport.kind === 'kafka') {
    const consumer = new KafkaBroadcastConsumer(
      {
        brokers: transport.brokers,
        partitions: transport.partitions,
        clientId: transport.clientId,
        sessionTimeoutMs: transport.sessionTimeoutMs,
      },
      instanceGroup,
      topics,
      handler,
      replay,
    );
    await consumer.start();
    return consumer;
  }
  const bus = transport.bus ?? InProcessBus.shared;
  const logger = new Logger('BroadcastSubscription');
  const deliver = (event: BroadcastEvent) => {
    try {
      handler(event);
    } catch (err) {
      // Not the producer's problem: its relay must not retry an event this subscriber mishandled.
      logger.error(`broadcast handler failed on ${event.topic}: ${(err as Error).message}`);
    }
  };
  // Live first, then the record: an event written between the two is heard at least once.
  for (const topic of topics) {
    bus.subscribe(instanceGroup, topic, (t, key, value, headers) => {
      deliver({ topic: t, key, value, headers });
      return Promise.resolve();
    });
  }
  if (replay && bus.journal) {
    const replayed = bus.journal.read(
      replay.topics.filter((t) => topics.includes(t)),
      replay.sinceMs,
    );
    for (const e of replayed) deliver({ topic: e.topic, key: e.key, value: e.value, headers: e.headers });
    logger.log(`replayed ${replayed.length} events from the in-process journal`);
  }
  return {
    close: () => {
      bus.unsubscribe(instanceGroup);
      return Promise.resolve();
    },
  };
}
