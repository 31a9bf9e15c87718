import { randomUUID } from 'node:crypto';
import { IHeaders, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { deadLetterTopic, ServiceName } from '@idfed/contracts';
import { Headers } from '../headers';
import { createKafka, headerValues, KafkaTransportOptions } from '../kafka/kafka-options';
import { stickyOnRetryPartitioner } from '../kafka/sticky-partitioner';
import { DeadLetterHeaders } from './dead-letter';
import {
  DeadLetterAction,
  DeadLetterStore,
  REPLAYED_FROM_HEADER,
  StoredDeadLetter,
} from './stored-dead-letter';

/**
 * Headers of the marks an operator's tool appends to a dead-letter topic: which letter
 * (`<partition>:<offset>`), what was done with it, and when. A mark has no value.
 */
export const DeadLetterMarkHeaders = {
  action: 'idfed-dead-letter-action',
  of: 'idfed-dead-letter-of',
  at: 'idfed-dead-letter-action-at',
} as const;

const DEAD_LETTER_HEADER_NAMES = new Set<string>(Object.values(DeadLetterHeaders));
const READ_LIMIT_MS = 60_000;

/** The message's own headers, without those the dead letter added. */
function originalHeaders(headers: IHeaders | undefined): IHeaders {
  const out: IHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!DEAD_LETTER_HEADER_NAMES.has(name)) out[name] = value;
  }
  return out;
}

/**
 * The Kafka side of the dead letters: `<service>.dead-letter.v1`, read from its start to its end
 * (without a committed position: the tool owns nothing there). Kafka cannot change a message, so
 * what an operator did is a mark appended to the same topic, and a letter's status is the last
 * mark naming it: one place to look, as ADR 0012 wants, and no database in the Kafka mode's path.
 */
export class KafkaDeadLetterTopic implements DeadLetterStore {
  private readonly kafka: Kafka;
  private producer?: Producer;
  readonly where: string;

  constructor(
    private readonly service: ServiceName,
    private readonly options: KafkaTransportOptions,
  ) {
    this.kafka = createKafka(options);
    this.where = deadLetterTopic(service);
  }

  async list(): Promise<StoredDeadLetter[]> {
    return [...(await this.read()).letters.values()].sort(
      (a, b) => a.deadLetteredAt.localeCompare(b.deadLetteredAt) || a.id.localeCompare(b.id),
    );
  }

  /** The letters with their status, and their messages as they are on the topic. */
  private async read(): Promise<{ letters: Map<string, StoredDeadLetter>; raw: Map<string, KafkaMessage> }> {
    const messages = await this.readAll();
    const letters = new Map<string, StoredDeadLetter>();
    const raw = new Map<string, KafkaMessage>();
    const marks: { of: string; action: string; at: string }[] = [];
    for (const { partition, message } of messages) {
      const headers = headerValues(message.headers);
      const action = headers[DeadLetterMarkHeaders.action];
      if (action !== undefined) {
        marks.push({ of: headers[DeadLetterMarkHeaders.of], action, at: headers[DeadLetterMarkHeaders.at] });
        continue;
      }
      const id = `${partition}:${message.offset}`;
      letters.set(id, toStored(id, this.service, message, headers));
      raw.set(id, message);
    }
    for (const mark of marks) {
      const letter = letters.get(mark.of);
      // The first mark wins: a letter replayed twice at once by two operators stays replayed.
      if (!letter || letter.status !== 'waiting') continue;
      letter.status = mark.action === 'discarded' ? 'discarded' : 'replayed';
      letter.statusAt = mark.at;
    }
    return { letters, raw };
  }

  /**
   * Produces the original key, value and headers (without the dead letter's own) to the partition
   * of the source topic the message came from, then appends the mark. A crash between the two
   * leaves the letter waiting: replayed again, it is deduped by the consumers' inbox.
   */
  async replay(id: string): Promise<DeadLetterAction> {
    const { letters, raw } = await this.read();
    const letter = letters.get(id);
    const message = raw.get(id);
    if (!letter || !message) return { outcome: 'not-found' };
    if (letter.status === 'replayed') return { outcome: 'already-replayed', letter };
    if (letter.status === 'discarded') return { outcome: 'already-discarded', letter };
    const producer = await this.connectedProducer();
    await producer.send({
      topic: letter.sourceTopic,
      acks: -1,
      messages: [
        {
          // The bytes as they came, whatever they are: the value may not even be text.
          key: message.key,
          value: message.value,
          partition: letter.sourcePartition,
          headers: { ...originalHeaders(message.headers), [REPLAYED_FROM_HEADER]: `${this.where}[${id}]` },
        },
      ],
    });
    return { outcome: 'replayed', letter: await this.mark(letter, 'replayed') };
  }

  async discard(id: string): Promise<DeadLetterAction> {
    const letter = (await this.read()).letters.get(id);
    if (!letter) return { outcome: 'not-found' };
    if (letter.status === 'replayed') return { outcome: 'already-replayed', letter };
    if (letter.status === 'discarded') return { outcome: 'already-discarded', letter };
    return { outcome: 'discarded', letter: await this.mark(letter, 'discarded') };
  }

  async close(): Promise<void> {
    await this.producer?.disconnect();
  }

  private async mark(letter: StoredDeadLetter, action: 'replayed' | 'discarded'): Promise<StoredDeadLetter> {
    const at = new Date().toISOString();
    const producer = await this.connectedProducer();
    await producer.send({
      topic: this.where,
      acks: -1,
      messages: [
        {
          key: letter.key,
          value: null,
          headers: {
            [DeadLetterMarkHeaders.action]: action,
            [DeadLetterMarkHeaders.of]: letter.id,
            [DeadLetterMarkHeaders.at]: at,
          },
        },
      ],
    });
    return { ...letter, status: action, statusAt: at };
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      this.producer = this.kafka.producer({
        idempotent: true,
        allowAutoTopicCreation: false,
        createPartitioner: stickyOnRetryPartitioner,
      });
      await this.producer.connect();
    }
    return this.producer;
  }

  /**
   * Every message of the topic up to its end as of now, through a consumer group of its own that
   * commits nothing and is deleted afterwards. No topic (the service consumes no events) is none.
   */
  private async readAll(): Promise<{ partition: number; message: KafkaMessage }[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    const groupId = `idfed.dead-letters-tool.${randomUUID()}`;
    try {
      if (!(await admin.listTopics()).includes(this.where)) return [];
      const ends = await admin.fetchTopicOffsets(this.where);
      const remaining = new Map(
        ends.filter((p) => Number(p.high) > Number(p.low)).map((p) => [p.partition, BigInt(p.high)]),
      );
      const read: { partition: number; message: KafkaMessage }[] = [];
      if (remaining.size === 0) return read;
      const consumer = this.kafka.consumer({ groupId, allowAutoTopicCreation: false });
      await consumer.connect();
      try {
        await consumer.subscribe({ topics: [this.where], fromBeginning: true });
        await new Promise<void>((resolve, reject) => {
          // Offsets up to the end are all there (no compaction, no transactions); a read that
          // still stalls is reported rather than waited on for ever.
          const stalled = setTimeout(
            () => reject(new Error(`could not read ${this.where} to its end within ${READ_LIMIT_MS} ms`)),
            READ_LIMIT_MS,
          );
          consumer
            .run({
              autoCommit: false,
              eachMessage: async ({ partition, message }) => {
                const end = remaining.get(partition);
                if (end === undefined || BigInt(message.offset) >= end) return;
                read.push({ partition, message });
                if (BigInt(message.offset) + 1n >= end) remaining.delete(partition);
                if (remaining.size === 0) {
                  clearTimeout(stalled);
                  resolve();
                }
              },
            })
            .catch(reject);
        });
      } finally {
        await consumer.disconnect();
      }
      return read;
    } finally {
      await admin.deleteGroups([groupId]).catch(() => undefined);
      await admin.disconnect();
    }
  }
}

function toStored(
  id: string,
  service: ServiceName,
  message: KafkaMessage,
  headers: Record<string, string>,
): StoredDeadLetter {
  const partition = Number(headers[DeadLetterHeaders.partition]);
  return {
    id,
    consumer: headers[DeadLetterHeaders.consumer] ?? service,
    sourceTopic: headers[DeadLetterHeaders.topic],
    sourcePartition: Number.isInteger(partition) && partition >= 0 ? partition : undefined,
    sourceOffset: headers[DeadLetterHeaders.offset],
    key: message.key?.toString('utf8') ?? '',
    eventId: headers[Headers.eventId],
    reason: headers[DeadLetterHeaders.reason] ?? '',
    attempts: Number(headers[DeadLetterHeaders.attempts] ?? 0),
    deadLetteredAt: headers[DeadLetterHeaders.at] ?? new Date(Number(message.timestamp)).toISOString(),
    status: 'waiting',
    headers: headerValues(originalHeaders(message.headers)),
    value: message.value === null ? null : message.value.toString('utf8'),
  };
}
