import { Logger } from '@nestjs/common';
import { Consumer, Kafka } from 'kafkajs';
import { recoverFromCrashes } from '../kafka/consumer-crashes';
import { observeConsumerLag } from '../kafka/kafka-metrics';
import { untilLeadersServe } from '../kafka/until-leaders-serve';
import {
  consumerTimings,
  createKafka,
  ensureTopics,
  firstJoin,
  headerValues,
  KafkaTransportOptions,
} from '../kafka/kafka-options';
import type { BroadcastHandler, BroadcastReplay, BroadcastSubscription } from './broadcast-subscription';
import { ReplayProgress } from './replay-progress';

const START_TIMEOUT_MS = 60_000;

/** The Kafka side of subscribeToBroadcast: one consumer, alone in its group, reading every partition. */
export class KafkaBroadcastConsumer implements BroadcastSubscription {
  private readonly logger = new Logger('KafkaBroadcastConsumer');
  private readonly kafka: Kafka;
  private consumer?: Consumer;
  private stopRecovering?: () => void;

  constructor(
    private readonly options: KafkaTransportOptions,
    private readonly groupId: string,
    private readonly topics: string[],
    private readonly handler: BroadcastHandler,
    private readonly replay?: BroadcastReplay,
  ) {
    this.kafka = createKafka(options);
  }

  async start(): Promise<void> {
    await ensureTopics(this.kafka, this.options, this.topics);
    const consumer = this.kafka.consumer({
      groupId: this.groupId,
      allowAutoTopicCreation: false,
      ...consumerTimings(this.options),
    });
    this.consumer = consumer;
    observeConsumerLag(consumer, this.groupId);
    // With no committed offsets, the first fetch resolves "latest": events published before it
    // would be skipped, so the subscription counts as started only after it.
    const positioned = new Promise<void>((resolve) => {
      const off = consumer.on(consumer.events.FETCH, () => {
        off();
        resolve();
      });
    });
    const joined = firstJoin(consumer, this.options);
    joined.catch(() => undefined); // awaited below
    // The group is new and has no member yet, so offsets committed now are where it starts.
    const progress = this.replay ? await this.positionForReplay(this.replay) : ReplayProgress.none();
    await consumer.connect();
    await consumer.subscribe({ topics: this.topics, fromBeginning: false });
    const run = () =>
      consumer.run({
        partitionsConsumedConcurrently: Math.max(1, this.options.partitions),
        eachMessage: ({ topic, partition, message }) => {
          this.deliver(topic, message.key?.toString('utf8') ?? '', message.value, message.headers);
          progress.delivered(topic, partition, message.offset);
          return Promise.resolve();
        },
      });
    this.stopRecovering = recoverFromCrashes(consumer, this.options, this.groupId, run);
    await run();
    let timer: NodeJS.Timeout | undefined;
    const stuck = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the broadcast consumer ${this.groupId} did not start within 60 s`)),
        START_TIMEOUT_MS,
      );
    });
    try {
      await Promise.race([joined.then(() => Promise.all([positioned, progress.caughtUp])), stuck]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Commits, for the new group, the offsets of the replayed topics' first events at or after the
   * replay's start, and notes where those topics ended, which the start then waits to reach.
   */
  private async positionForReplay(replay: BroadcastReplay): Promise<ReplayProgress> {
    const admin = this.kafka.admin();
    await admin.connect();
    const deadline = Date.now() + START_TIMEOUT_MS;
    try {
      const ends: { topic: string; partition: number; from: string; end: string }[] = [];
      for (const topic of replay.topics) {
        const { from, high } = await untilLeadersServe(admin, topic, deadline, async () => ({
          from: await admin.fetchTopicOffsetsByTimestamp(topic, replay.sinceMs),
          high: await admin.fetchTopicOffsets(topic),
        }));
        await admin.setOffsets({ groupId: this.groupId, topic, partitions: from });
        for (const { partition, offset } of from) {
          const end = high.find((h) => h.partition === partition)?.high ?? offset;
          ends.push({ topic, partition, from: offset, end });
        }
      }
      const progress = new ReplayProgress(ends);
      this.logger.log(
        `replaying ${progress.pending} partition(s) since ${new Date(replay.sinceMs).toISOString()}`,
      );
      return progress;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  private deliver(
    topic: string,
    key: string,
    raw: Buffer | null,
    headers: Parameters<typeof headerValues>[0],
  ): void {
    let value: unknown;
    try {
      value = JSON.parse(raw?.toString('utf8') ?? 'null');
    } catch {
      this.logger.warn(`ignoring a value that is not JSON on ${topic}`);
      return;
    }
    try {
      this.handler({ topic, key, value, headers: headerValues(headers) });
    } catch (err) {
      // The handler's own failure: logged, and the event is not tried again (nothing to retry).
      this.logger.error(`broadcast handler failed on ${topic}: ${(err as Error).message}`);
    }
  }

  async close(): Promise<void> {
    this.stopRecovering?.();
    await this.consumer?.disconnect();
    if (!this.consumer) return;
    const admin = this.kafka.admin();
    try {
      await admin.connect();
      await admin.deleteGroups([this.groupId]);
    } catch {
      // best effort: the broker expires an empty group with its offsets
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}
