import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { eventually } from '../../libs/testing/src/eventually';

export interface ObservedEvent {
  topic: string;
  key: string;
  eventId: string;
  value: Record<string, unknown>;
}

export interface KafkaObserver {
  /** Every event seen so far, in arrival order. */
  seen: ObservedEvent[];
  /** Waits until `predicate` holds, failing with the topics seen. */
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Reads topics of the test run's real Kafka from the beginning, in a consumer group of its own, so
 * a distributed-mode spec can check what idfed published (creating the topics first, so the
 * subscription does not race idfed's own creation).
 */
export async function observeTopics(name: string, topics: string[]): Promise<KafkaObserver> {
  const kafka = new Kafka({
    brokers: process.env.IDFED_TEST_KAFKA_BROKERS!.split(','),
    clientId: `e2e-${name}`,
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: topics.map((topic) => ({ topic, numPartitions: 3 })),
    waitForLeaders: true,
  });
  await admin.disconnect();
  const consumer = kafka.consumer({ groupId: `e2e-${name}-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  const seen: ObservedEvent[] = [];
  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      seen.push({
        topic,
        key: message.key?.toString() ?? '',
        eventId: message.headers?.['idfed-event-id']?.toString() ?? '',
        value: JSON.parse(message.value!.toString()) as Record<string, unknown>,
      });
    },
  });
  return {
    seen,
    async waitFor(predicate, timeoutMs = 30_000) {
      await eventually(
        () => {
          if (!predicate()) throw new Error(`events seen: ${JSON.stringify(seen.map((e) => e.topic))}`);
        },
        { timeoutMs },
      );
    },
    stop: () => consumer.disconnect(),
  };
}
