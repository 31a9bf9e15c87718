import { randomUUID } from 'node:crypto';
import { ClientProxy, ReadPacket, WritePacket } from '@nestjs/microservices';
import { Consumer, Kafka, Producer } from 'kafkajs';
import { commandTopic, CommandEnvelope, replyTopic, serviceOfPattern } from '@idfed/contracts';
import { EventPublisher, OutboundEvent } from '../event-publisher';
import { Headers } from '../headers';
import { TransportErrors } from '../service-error';
import { createKafka, ensureTopics, headerValues, KafkaTransportOptions } from './kafka-options';
import { ProduceBatcher } from './produce-batcher';

export interface KafkaClientOptions extends KafkaTransportOptions {
  /** Consumer group of this app's reply readers; replicas of one app share it. Omit for publish-only clients. */
  replyGroup?: string;
  /** How long a command may wait in Kafka before the service should not bother handling it. */
  requestTtlMs?: number;
}

/**
 * Sends commands over Kafka and matches replies by correlation id. Replies come back on one shared
 * topic, to a partition this client owns (learnt from its group assignment), so any number of
 * replicas can share the reply topic as long as it has at least as many partitions as replicas.
 */
export class KafkaClient extends ClientProxy implements EventPublisher {
  private readonly kafka: Kafka;
  private producer?: Producer;
  private consumer?: Consumer;
  private connecting?: Promise<void>;
  private replyPartitions: number[] = [];
  private nextPartition = 0;
  private readonly pending = new Map<string, (packet: WritePacket) => void>();

  /** This app's own reply topic (empty for publish-only clients, which never send commands). */
  private readonly replyTopic: string;
  private readonly commands = new ProduceBatcher(() => this.producer);

  constructor(private readonly options: KafkaClientOptions) {
    super();
    this.kafka = createKafka(options);
    this.replyTopic = options.replyGroup ? replyTopic(options.replyGroup) : '';
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
    this.producer = this.kafka.producer({ idempotent: true, allowAutoTopicCreation: false });
    this.producer.on(this.producer.events.CONNECT, () => (this.producerUp = true));
    this.producer.on(this.producer.events.DISCONNECT, () => (this.producerUp = false));
    await this.producer.connect();
    if (!this.options.replyGroup) return;
    await ensureTopics(this.kafka, this.options, [this.replyTopic]);
    this.consumer = this.kafka.consumer({ groupId: this.options.replyGroup, allowAutoTopicCreation: false });
    for (const down of [
      this.consumer.events.CRASH,
      this.consumer.events.STOP,
      this.consumer.events.DISCONNECT,
    ])
      this.consumer.on(down, () => (this.repliesUp = false));
    const assigned = new Promise<void>((resolve) => {
      this.consumer!.on(this.consumer!.events.GROUP_JOIN, ({ payload }) => {
        this.replyPartitions = payload.memberAssignment[this.replyTopic] ?? [];
        this.repliesUp = this.replyPartitions.length > 0;
        if (this.replyPartitions.length > 0) resolve();
      });
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [this.replyTopic], fromBeginning: false });
    await this.consumer.run({
      partitionsConsumedConcurrently: this.options.partitions,
      eachMessage: async ({ message }) => {
        const headers = headerValues(message.headers);
        const settle = this.pending.get(headers[Headers.correlationId] ?? '');
        if (!settle) return; // a reply to a request that timed out, or another replica's
        const body = JSON.parse(message.value?.toString('utf8') ?? 'null') as unknown;
        settle(
          headers[Headers.outcome] === 'ok'
            ? { response: body, isDisposed: true }
            : { err: body, isDisposed: true },
        );
      },
    });
    // With more replicas of this app than reply-topic partitions, some replica gets none and could
    // never hear a reply: fail its start-up with the reason rather than hang.
    let timer: NodeJS.Timeout | undefined;
    const unassigned = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(
              `no partition of ${this.replyTopic} was assigned to ${this.options.replyGroup} within 60 s: ` +
                'the reply topic needs at least as many partitions as there are replicas of this app',
            ),
          ),
        60_000,
      );
    });
    try {
      await Promise.race([assigned, unassigned]);
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
    if (!service || this.replyPartitions.length === 0) {
      callback({ err: TransportErrors.unavailable(`cannot route ${pattern}`), isDisposed: true });
      return () => undefined;
    }
    this.pending.set(correlationId, (reply) => {
      this.pending.delete(correlationId);
      callback(reply);
    });
    const partition = this.replyPartitions[this.nextPartition++ % this.replyPartitions.length];
    const key = packet.data.key;
    this.commands
      .send(commandTopic(service), {
        key: key || null,
        value: JSON.stringify(packet.data),
        headers: {
          [Headers.pattern]: pattern,
          [Headers.correlationId]: correlationId,
          [Headers.replyTopic]: this.replyTopic,
          [Headers.replyPartition]: String(partition),
          [Headers.deadline]: String(Date.now() + (this.options.requestTtlMs ?? 15_000)),
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
    await this.producer!.sendBatch({
      acks: -1,
      topicMessages: [...byTopic.entries()].map(([topic, list]) => ({
        topic,
        messages: list.map((e) => ({ key: e.key, value: JSON.stringify(e.value), headers: e.headers })),
      })),
    });
  }

  private readonly knownTopics = new Set<string>();

  async close(): Promise<void> {
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
    this.connecting = undefined;
  }

  unwrap<T>(): T {
    return this.kafka as T;
  }
}
