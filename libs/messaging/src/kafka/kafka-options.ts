import { Consumer, IHeaders, Kafka, logLevel, LogEntry } from 'kafkajs';
import { Logger } from '@nestjs/common';

export interface KafkaTransportOptions {
  brokers: string[];
  /** Identifies this process to the brokers (shows in broker logs and metrics). */
  clientId: string;
  /** Partitions for topics idfed creates; more partitions allow more consumer replicas. */
  partitions: number;
  replicationFactor?: number;
  /**
   * How long the broker waits for a silent consumer before it hands its partitions to another
   * member: how long a crashed process's partitions stay unserved. The broker's
   * group.min.session.timeout.ms must allow it (deploy/kafka sets 1000).
   */
  sessionTimeoutMs?: number;
}

export const DEFAULT_SESSION_TIMEOUT_MS = 3000;

/**
 * Consumer timings that let a crashed member's partitions move within the session timeout. kafkajs
 * heartbeats between fetches, so a fetch must not wait on the broker longer than a heartbeat
 * interval, or an idle consumer would miss its own session.
 */
export function consumerTimings(options: KafkaTransportOptions): {
  sessionTimeout: number;
  heartbeatInterval: number;
  rebalanceTimeout: number;
  maxWaitTimeInMs: number;
} {
  const sessionTimeout = options.sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS;
  const heartbeatInterval = Math.max(100, Math.floor(sessionTimeout / 3));
  return {
    sessionTimeout,
    heartbeatInterval,
    rebalanceTimeout: Math.max(10_000, 2 * sessionTimeout),
    maxWaitTimeInMs: Math.min(500, heartbeatInterval),
  };
}

const levels: Record<number, 'error' | 'warn' | 'log' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'log',
  [logLevel.DEBUG]: 'debug',
};

/**
 * Resolves when the consumer first joined its group. A broker whose group.min.session.timeout.ms
 * is above the configured session refuses every join, and kafkajs would retry forever: that fails
 * here with what to change. Other failures are kafkajs' to retry.
 */
export function firstJoin(consumer: Consumer, options: KafkaTransportOptions): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const offJoin = consumer.on(consumer.events.GROUP_JOIN, () => {
      offJoin();
      offCrash();
      resolve();
    });
    const offCrash = consumer.on(consumer.events.CRASH, ({ payload }) => {
      if ((payload.error as Error & { type?: string }).type !== 'INVALID_SESSION_TIMEOUT') return;
      offJoin();
      offCrash();
      const ms = consumerTimings(options).sessionTimeout;
      reject(
        new Error(
          `the Kafka broker refuses a ${ms} ms consumer session: set the broker's ` +
            `group.min.session.timeout.ms to ${ms} or less, or IDFED_KAFKA_SESSION_TIMEOUT_MS to at least ` +
            `its value (docs/adr/0008-kafka-partitioning-and-recovery.md)`,
        ),
      );
    });
  });
}

/** kafkajs logs through Nest's logger, so one log pipeline (and its redaction) sees everything. */
export function createKafka(options: KafkaTransportOptions): Kafka {
  const logger = new Logger('kafkajs');
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    logLevel: logLevel.WARN,
    // Bounded backoff: a broker that comes back is noticed within a second, not after a backoff
    // that grew while it was down (kafkajs' default grows to 30 s).
    retry: { retries: 10, initialRetryTime: 100, maxRetryTime: 1000 },
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...extra } = log;
        logger[levels[level] ?? 'log'](`${message} ${JSON.stringify(extra)}`);
      },
  });
}

/**
 * Creates the topics a process uses before it produces or subscribes (auto-creation is not relied
 * on), and waits until every partition has a leader. Several processes start at once on a fresh
 * broker and race to create the same topics, and a just-created topic can be missing from
 * metadata for a moment (kafkajs answers UNKNOWN_TOPIC_OR_PARTITION, or TOPIC_ALREADY_EXISTS to
 * the loser): both are retried until the topics are there, for up to `timeoutMs`.
 */
export async function ensureTopics(
  kafka: Kafka,
  options: KafkaTransportOptions,
  topics: string[],
  timeoutMs = 60_000,
): Promise<void> {
  const wanted = [...new Set(topics)];
  if (wanted.length === 0) return;
  const admin = kafka.admin();
  await admin.connect();
  const deadline = Date.now() + timeoutMs;
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        const existing = new Set(await admin.listTopics());
        const missing = wanted.filter((t) => !existing.has(t));
        if (missing.length > 0) {
          await admin.createTopics({
            waitForLeaders: true,
            topics: missing.map((topic) => ({
              topic,
              numPartitions: options.partitions,
              replicationFactor: options.replicationFactor ?? -1,
            })),
          });
        }
        const metadata = await admin.fetchTopicMetadata({ topics: wanted });
        const leaderless = metadata.topics.filter(
          (t) => t.partitions.length === 0 || t.partitions.some((p) => p.leader < 0),
        );
        if (leaderless.length === 0) return;
        throw new Error(`no leader yet for ${leaderless.map((t) => t.name).join(', ')}`);
      } catch (err) {
        if (Date.now() > deadline) throw err;
        await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 100 * 2 ** attempt)));
      }
    }
  } finally {
    await admin.disconnect();
  }
}

export function headerValues(raw: IHeaders | undefined): Record<string, string> {
  const text = (v: Buffer | string) => (Buffer.isBuffer(v) ? v.toString('utf8') : v);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    if (value === undefined) continue;
    // A header sent more than once arrives as a list; its copies are kept, comma-joined.
    out[name] = Array.isArray(value) ? value.map(text).join(',') : text(value);
  }
  return out;
}
