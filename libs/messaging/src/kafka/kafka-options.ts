import { Kafka, logLevel, LogEntry } from 'kafkajs';
import { Logger } from '@nestjs/common';

export interface KafkaTransportOptions {
  brokers: string[];
  /** Identifies this process to the brokers (shows in broker logs and metrics). */
  clientId: string;
  /** Partitions for topics idfed creates; more partitions allow more consumer replicas. */
  partitions: number;
  replicationFactor?: number;
}

const levels: Record<number, 'error' | 'warn' | 'log' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'log',
  [logLevel.DEBUG]: 'debug',
};

/** kafkajs logs through Nest's logger, so one log pipeline (and its redaction) sees everything. */
export function createKafka(options: KafkaTransportOptions): Kafka {
  const logger = new Logger('kafkajs');
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    logLevel: logLevel.WARN,
    retry: { retries: 8, initialRetryTime: 200 },
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

export function headerValues(raw: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    if (value === undefined) continue;
    out[name] = Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
  }
  return out;
}
