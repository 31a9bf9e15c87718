import { randomUUID } from 'node:crypto';
import { ClientProxy, ReadPacket, WritePacket } from '@nestjs/microservices';
import { Consumer, Kafka, Producer } from 'kafkajs';
import { commandTopic, CommandEnvelope, replyTopic, serviceOfPattern } from '@idfed/contracts';
import { EventPublisher, OutboundEvent } from '../event-publisher';
import { deadlineOf, Headers } from '../headers';
import { TransportErrors } from '../service-error';
import {
  consumerTimings,
  createKafka,
  ensureTopics,
  firstJoin,
  headerValues,
  KafkaTransportOptions,
} from './kafka-options';
import { recoverFromCrashes } from './consumer-crashes';
import { injectTraceHeaders } from '@idfed/observability';
import { observeConsumerLag, timedProduce } from './kafka-metrics';
import { ProduceBatcher } from './produce-batcher';
import { stickyOnRetryPartitioner } from './sticky-partitioner';

export interface KafkaClientOptions extends KafkaTransportOptions {
  /** Names this app's reply topic; replicas of one app share it. Omit for publish-only clients. */
  replyGroup?: string;
  /** How long a command may wait in Kafka before the service should not bother handling it. */
  requestTtlMs?: number;
}

/**
 * Sends commands over Kafka and matches replies by correlation id. Replies come back on the app's
 * reply topic, to one partition this instance chose; the instance reads that partition through a
 * consumer group of its own, so no other replica's joining or leaving can move it away while a
 * reply is on its way (a shared group would rebalance, and replies already addressed to a moved
 * partition reached a replica that dropped them). Two instances that happen to choose the same
 * partition both read it and each ignores the other's replies.
 */
export class KafkaClient extends ClientProxy implements EventPublisher {
  private readonly kafka: Kafka;
  private producer?: Producer;
  private consumer?: Consumer;
  private connecting?: Promise<void>;
  private replyPartition?: number;
  private readonly pending = new Map<string, (packet: WritePacket) => void>();

  /** This app's own reply topic (empty for publish-only clients, which never send commands). */
  private readonly replyTopic: string;
  /** This instance's own consumer group: `<reply group>.<random id>`. */
  private readonly instanceGroup: string;
  private readonly commands = new ProduceBatcher(() => this.producer, 'commands');
  private stopRecovering?: () => void;

  constructor(private readonly options: KafkaClientOptions) {
    super();
    this.kafka = createKafka(options);
    this.replyTopic = options.replyGroup ? replyTopic(options.replyGroup) : '';
    this.instanceGroup = options.replyGroup ? `${options.replyGroup}.${randomUUID()}` : '';
  }

  connect(): Promise<void> {
    this.connecting ??= this.start();
    return this.connecting;
  }

  private producerUp = false;
  private repliesUp = false;

  /** Whether commands can go out and replies come back now: what a gateway's readiness reports. */
  isConnected(): boolean {
    return this.producerUp && (this.repliesUp || !this.options.replyGroup);
  }

  private async start(): Promise<void> {
    this.producer = this.kafka.producer({
      idempotent: true,
      allowAutoTopicCreation: false,
      createPartitioner: stickyOnRetryPartitioner,
    });
    this.producer.on(this.producer.events.CONNECT, () => (this.producerUp = true));
    this.producer.on(this.producer.events.DISCONNECT, () => (this.producerUp = false));
    await this.producer.connect();
    if (!this.options.replyGroup) return;
    await ensureTopics(this.kafka, this.options, [this.replyTopic]);
    const consumer = this.kafka.consumer({
      groupId: this.instanceGroup,
      allowAutoTopicCreation: false,
      ...consumerTimings(this.options),
    });
    this.consumer = consumer;
    observeConsumerLag(consumer, this.instanceGroup);
    for (const down of [consumer.events.CRASH, consumer.events.STOP, consumer.events.DISCONNECT])
      consumer.on(down, () => (this.repliesUp = false));
    // The only member of its group, the consumer is assigned every partition: it keeps the one it
    // chose (the same one after any rejoin) and pauses the others before its first fetch.
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      const all = payload.memberAssignment[this.replyTopic] ?? [];
      if (all.length === 0) return;
      this.replyPartition ??= all[Math.floor(Math.random() * all.length)];
      this.repliesUp = true;
      const others = all.filter((p) => p !== this.replyPartition);
      if (others.length > 0) consumer.pause([{ topic: this.replyTopic, partitions: others }]);
    });
    // A reply sent before the consumer knew where its partition ends would be skipped: commands go
    // out only after the first fetch, which resolves the starting offset.
    const positioned = new Promise<void>((resolve) => {
      const off = consumer.on(consumer.events.FETCH, () => {
        if (this.replyPartition === undefined) return;
        off();
        resolve();
      });
    });
    const joined = firstJoin(consumer, this.options);
    joined.catch(() => undefined); // awaited below, with the first fetch
    await consumer.connect();
    await consumer.subscribe({ topics: [this.replyTopic], fromBeginning: false });
    const run = () =>
      consumer.run({
        eachMessage: async ({ message }) => {
          const headers = headerValues(message.headers);
          const settle = this.pending.get(headers[Headers.correlationId] ?? '');
          if (!settle) return; // a reply to a request that timed out, or to another instance's
          const body = JSON.parse(message.value?.toString('utf8') ?? 'null') as unknown;
          settle(
            headers[Headers.outcome] === 'ok'
              ? { response: body, isDisposed: true }
              : { err: body, isDisposed: true },
          );
        },
      });
    this.stopRecovering = recoverFromCrashes(consumer, this.options, this.instanceGroup, run);
    await run();
    let timer: NodeJS.Timeout | undefined;
    const stuck = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the reply consumer of ${this.replyTopic} did not start within 60 s`)),
        60_000,
      );
    });
    try {
      await Promise.race([joined.then(() => positioned), stuck]);
    } finally {
      clearTimeout(timer);
    }
  }

  protected publish(
    packet: ReadPacket<CommandEnvelope<unknown>>,
    callback: (packet: WritePacket) => void,
  ): () => void {
    const pattern = String(packet.pattern);
    const service = serviceOfPattern(pattern);
    const correlationId = randomUUID();
    if (!service || this.replyPartition === undefined) {
      callback({ err: TransportErrors.unavailable(`cannot route ${pattern}`), isDisposed: true });
      return () => undefined;
    }
    this.pending.set(correlationId, (reply) => {
      this.pending.delete(correlationId);
      callback(reply);
    });
    // No key: commands are spread over the partitions (and so over the service's replicas) one by
    // one. Nothing needs them in order: the service handles commands concurrently, and a caller
    // that needs order waits for each reply (see commandTopic).
    this.commands
      .send(commandTopic(service), {
        key: null,
        value: JSON.stringify(packet.data),
        headers: {
          [Headers.pattern]: pattern,
          [Headers.correlationId]: correlationId,
          [Headers.replyTopic]: this.replyTopic,
          [Headers.replyPartition]: String(this.replyPartition),
          [Headers.deadline]: String(
            deadlineOf(packet.data, Date.now() + (this.options.requestTtlMs ?? 15_000)),
          ),
          // The caller's trace continues in the service (W3C traceparent, when tracing is on).
          ...injectTraceHeaders({}),
        },
      })
      .catch((err: Error) => {
        this.pending.get(correlationId)?.({
          err: TransportErrors.unavailable(err.message),
          isDisposed: true,
        });
      });
    return () => this.pending.delete(correlationId);
  }

  protected async dispatchEvent<T = undefined>(packet: ReadPacket<OutboundEvent>): Promise<T> {
    await this.publishEvents([packet.data]);
    return undefined as T;
  }

  /** One batch, acknowledged by all in-sync replicas; the idempotent producer keeps per-partition order. */
  async publishEvents(events: OutboundEvent[]): Promise<void> {
    await this.connect();
    const byTopic = new Map<string, OutboundEvent[]>();
    for (const e of events) byTopic.set(e.topic, [...(byTopic.get(e.topic) ?? []), e]);
    await ensureTopics(
      this.kafka,
      this.options,
      [...byTopic.keys()].filter((t) => !this.knownTopics.has(t)),
    );
    for (const t of byTopic.keys()) this.knownTopics.add(t);
    const producer = this.producer!;
    await timedProduce('events', () =>
      producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic.entries()].map(([topic, list]) => ({
          topic,
          messages: list.map((e) => ({ key: e.key, value: JSON.stringify(e.value), headers: e.headers })),
        })),
      }),
    );
  }

  private readonly knownTopics = new Set<string>();

  async close(): Promise<void> {
    this.stopRecovering?.();
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
    this.connecting = undefined;
    if (this.consumer) await this.forgetGroup();
  }

  /**
   * The instance's group is of no use once it left: delete it rather than leave it to the broker's
   * offset retention (a crashed instance's group does expire that way).
   */
  private async forgetGroup(): Promise<void> {
    const admin = this.kafka.admin();
    try {
      await admin.connect();
      await admin.deleteGroups([this.instanceGroup]);
    } catch {
      // best effort: the broker expires it with its offsets
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  unwrap<T>(): T {
    return this.kafka as T;
  }
}
