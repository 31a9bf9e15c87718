import { Consumer } from 'kafkajs';
import {
  kafkaConsumerLag,
  kafkaProduceDuration,
  kafkaProduceFailures,
  secondsSince,
} from '@idfed/observability';

/** What a produced batch carried, as the `kind` label of the produce metrics. */
export type ProduceKind = 'commands' | 'replies' | 'events' | 'dead-letters';

/** Times one produce (`idfed_kafka_produce_duration_seconds`) and counts it if it failed. */
export async function timedProduce<T>(kind: ProduceKind, produce: () => Promise<T>): Promise<T> {
  const started = process.hrtime.bigint();
  try {
    const result = await produce();
    kafkaProduceDuration.observe({ kind }, secondsSince(started));
    return result;
  } catch (err) {
    kafkaProduceFailures.inc({ kind });
    throw err;
  }
}

/**
 * A consumer group's name without the random id of a per-instance group
 * (`idfed.gateway.replies.<uuid>` is `idfed.gateway.replies`): label values must not grow with
 * every restart.
 */
export function consumerLabel(groupId: string): string {
  return groupId.replace(/\.[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i, '');
}

/**
 * Keeps `idfed_kafka_consumer_lag_messages` for each partition the consumer reads: after each batch
 * it handles, the distance from its last offset to the partition's high watermark (kafkajs'
 * `offsetLag`). Topics are idfed's own (commands, replies, events), so the labels are bounded.
 */
export function observeConsumerLag(consumer: Consumer, groupId: string): void {
  const name = consumerLabel(groupId);
  consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
    const lag = Number(payload.offsetLag);
    if (Number.isFinite(lag))
      kafkaConsumerLag.set(
        { consumer: name, topic: payload.topic, partition: String(payload.partition) },
        Math.max(0, lag),
      );
  });
}
