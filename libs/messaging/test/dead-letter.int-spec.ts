import { randomUUID } from 'node:crypto';
import { Controller, INestMicroservice, LoggerService, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { IsIn, IsUUID } from 'class-validator';
import { Kafka, KafkaMessage } from 'kafkajs';
import { DataSource } from 'typeorm';
import { deadLetterTopic, parseMessage } from '@idfed/contracts';
import {
  BusContext,
  BusExceptionFilter,
  createClientTransport,
  createServerTransport,
  deadLetters,
  deadLetterStatusMigration,
  DeadLetterTable,
  deadLetterTableMigration,
  EventRetryPolicy,
  InboxService,
  InProcessBus,
  InProcessServer,
  messagingTablesMigration,
  OutboundEvent,
  TransportConfig,
} from '@idfed/messaging';
import { migrateServiceSchema } from '@idfed/persistence';
import { eventually } from '../../testing/src/eventually';

/**
 * Poison messages (ADR 0012), on both transports against a real PostgreSQL and a real Kafka: an
 * event that cannot be handled is tried a bounded number of times, lands in the dead letter with
 * its reason, is logged and counted, and the events behind it are still handled.
 */
const brokers = process.env.IDFED_TEST_KAFKA_BROKERS;
if (!brokers) throw new Error('IDFED_TEST_KAFKA_BROKERS is not set: the integration tier needs a real Kafka');
const run = randomUUID().slice(0, 8);
const SERVICE = 'device-sync';
const CONSUMER = 'device-sync.dead-letter-test';
const POLICY: EventRetryPolicy = { maxAttempts: 3, firstBackoffMs: 20, maxBackoffMs: 100 };
const SECRET = 'hunter2-in-the-payload';
/** Kafka redelivery and retries under a loaded machine: generous, and never a timing assertion. */
const PATIENCE = { timeoutMs: 30_000, intervalMs: 50 };

/** The event's contract: what the handler parses before acting. */
class ThingHappened {
  @IsUUID()
  id!: string;

  @IsIn(['good', 'poison', 'flaky', 'outage'])
  kind!: string;
}

/** What the handler saw: tries per event id, and the order events were applied in. */
const tries = new Map<string, number>();
const appliedOrder: string[] = [];
const poisonTriesWhenApplied = new Map<string, number>();
let lastPoisonId: string | undefined;

function handlersFor(topic: string, inbox: () => InboxService, schema: () => string) {
  @Controller()
  class PoisonTestHandlers {
    @EventPattern(topic)
    async happened(@Payload() value: unknown, @Ctx() ctx: BusContext) {
      const eventId = ctx.getEventId();
      const attempt = (tries.get(eventId) ?? 0) + 1;
      tries.set(eventId, attempt);
      const event = parseMessage(ThingHappened, value);
      if (event.kind === 'poison') throw new Error('this event can never be applied');
      if (event.kind === 'outage' && attempt <= POLICY.maxAttempts + 1) {
        // What node-postgres says while the database is down: waited for, not counted.
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      }
      await inbox().processOnce(CONSUMER, eventId, async (m) => {
        await m.query(
          `INSERT INTO "${schema()}".applied (event_id, times) VALUES ($1, 1)
           ON CONFLICT (event_id) DO UPDATE SET times = applied.times + 1`,
          [eventId],
        );
      });
      if (event.kind === 'flaky' && attempt === 1) {
        throw new Error('failed after its transaction committed');
      }
      appliedOrder.push(event.id);
      if (lastPoisonId) poisonTriesWhenApplied.set(event.id, tries.get(lastPoisonId) ?? 0);
    }
  }
  return PoisonTestHandlers;
}

/** Keeps every log line, to check what a dead letter logs (and what it must not). */
class RecordingLogger implements LoggerService {
  readonly lines: { level: string; message: string }[] = [];
  log = (message: unknown) => this.lines.push({ level: 'log', message: String(message) });
  error = (message: unknown) => this.lines.push({ level: 'error', message: String(message) });
  warn = (message: unknown) => this.lines.push({ level: 'warn', message: String(message) });
  debug = () => undefined;
  verbose = () => undefined;
}

interface StoredLetter {
  key: string;
  value: string | null;
  headers: Record<string, string>;
  reason: string;
  attempts: number;
  eventId?: string;
}

/** Reads the dead letters of this run's topic, from the table or the dead-letter topic. */
type LetterReader = (topic: string) => Promise<StoredLetter[]>;

const transports: [string, () => TransportConfig][] = [
  ['in-process', () => ({ kind: 'in-process', bus: new InProcessBus(), eventRetry: POLICY })],
  [
    'kafka',
    () => ({
      kind: 'kafka',
      brokers: brokers.split(','),
      partitions: 3,
      clientId: `dead-letter-${run}`,
      eventRetry: POLICY,
    }),
  ],
];

describe.each(transports)('poison messages over %s', (name, config) => {
  const schema = `dead_letter_test_${randomUUID().slice(0, 8)}`;
  const topic = `idfed-test-${run}-${name}.thing.happened.v1`;
  const logger = new RecordingLogger();
  let ds: DataSource;
  let inbox: InboxService;
  let app: INestMicroservice;
  let publisher: ReturnType<typeof createClientTransport>;
  let readLetters: LetterReader;
  let closeReader = async () => undefined as void;

  beforeAll(async () => {
    ds = new DataSource({
      type: 'postgres',
      url: process.env.IDFED_TEST_DATABASE_URL,
      schema,
      migrations: [
        messagingTablesMigration(schema),
        deadLetterTableMigration(schema, 1764115200040),
        deadLetterStatusMigration(schema, 1764115200050),
      ],
      migrationsTableName: 'migrations',
    });
    await ds.initialize();
    await migrateServiceSchema(ds, schema);
    await ds.query(`CREATE TABLE "${schema}".applied (event_id uuid PRIMARY KEY, times integer NOT NULL)`);
    inbox = new InboxService(ds, schema);

    const transport = config();
    @Module({
      controllers: [
        handlersFor(
          topic,
          () => inbox,
          () => schema,
        ),
      ],
    })
    class TestModule {}
    const strategy = createServerTransport(SERVICE, transport);
    const table = new DeadLetterTable(ds, schema);
    if (strategy instanceof InProcessServer) strategy.recordDeadLettersIn(table);
    app = await NestFactory.createMicroservice(TestModule, { strategy, logger });
    app.useGlobalFilters(new BusExceptionFilter());
    await app.listen();
    publisher = createClientTransport(transport);
    await publisher.connect();

    if (transport.kind === 'in-process') {
      readLetters = async (t) =>
        (
          await ds.query<
            {
              key: string;
              payload: string | null;
              headers: Record<string, string>;
              reason: string;
              attempts: number;
              event_id: string | null;
            }[]
          >(
            `SELECT key, payload, headers, reason, attempts, event_id FROM "${schema}".dead_letters
             WHERE source_topic = $1 ORDER BY id`,
            [t],
          )
        ).map((r) => ({
          key: r.key,
          value: r.payload,
          headers: r.headers,
          reason: r.reason,
          attempts: r.attempts,
          eventId: r.event_id ?? undefined,
        }));
    } else {
      const letters: KafkaMessage[] = [];
      const consumer = new Kafka({
        clientId: `dead-letter-reader-${run}`,
        brokers: transport.brokers,
      }).consumer({
        groupId: `idfed-test.dead-letter-reader.${run}`,
      });
      await consumer.connect();
      await consumer.subscribe({ topics: [deadLetterTopic(SERVICE)], fromBeginning: true });
      await consumer.run({ eachMessage: async ({ message }) => void letters.push(message) });
      closeReader = () => consumer.disconnect();
      readLetters = async (t) =>
        letters
          .map((m) => {
            const headers = Object.fromEntries(
              Object.entries(m.headers ?? {}).map(([k, v]) => [k, String(v)]),
            );
            return {
              key: m.key?.toString('utf8') ?? '',
              value: m.value?.toString('utf8') ?? null,
              headers,
              reason: headers['idfed-dead-letter-reason'],
              attempts: Number(headers['idfed-dead-letter-attempts']),
              eventId: headers['idfed-event-id'],
            };
          })
          .filter((l) => l.headers['idfed-dead-letter-topic'] === t);
    }
  }, 120_000);

  afterAll(async () => {
    await closeReader();
    await publisher?.close();
    await app?.close();
    await ds.query(`DROP SCHEMA "${schema}" CASCADE`);
    await ds.destroy();
  }, 60_000);

  function event(key: string, kind: string, extra: object = {}): OutboundEvent {
    return {
      topic,
      key,
      value: { id: randomUUID(), kind, ...extra },
      headers: { 'idfed-event-id': randomUUID() },
    };
  }

  async function timesApplied(eventId: string): Promise<number | undefined> {
    const rows = await ds.query<{ times: number }[]>(
      `SELECT times FROM "${schema}".applied WHERE event_id = $1`,
      [eventId],
    );
    return rows[0]?.times;
  }

  it('dead-letters a handler that always fails after exactly N tries, then handles the next event of its key', async () => {
    const key = `user-${randomUUID()}`;
    const poison = event(key, 'poison', { note: SECRET });
    const next = event(key, 'good');
    const poisonId = poison.headers['idfed-event-id'];
    lastPoisonId = poisonId;
    const counted = deadLetters.value({ consumer: SERVICE, topic });
    await publisher.publishEvents([poison, next]);

    await eventually(
      async () => expect(await timesApplied(next.headers['idfed-event-id'])).toBe(1),
      PATIENCE,
    );
    expect(tries.get(poisonId)).toBe(POLICY.maxAttempts);
    // The next event of the key was applied only after the poison had used up its tries.
    expect(poisonTriesWhenApplied.get((next.value as { id: string }).id)).toBe(POLICY.maxAttempts);
    await eventually(async () => expect(await readLetters(topic)).toHaveLength(1), PATIENCE);
    const [letter] = await readLetters(topic);
    expect(letter).toMatchObject({ key, eventId: poisonId, attempts: POLICY.maxAttempts });
    expect(letter.reason).toContain('this event can never be applied');
    expect(JSON.parse(letter.value!)).toEqual(poison.value);
    expect(letter.headers['idfed-event-id']).toBe(poisonId);
    expect(await timesApplied(poisonId)).toBeUndefined();
    await eventually(
      () => expect(deadLetters.value({ consumer: SERVICE, topic })).toBe(counted + 1),
      PATIENCE,
    );

    const logged = logger.lines.filter((l) => l.level === 'error' && l.message.includes(poisonId));
    expect(logged).toHaveLength(1);
    expect(logged[0].message).toContain(topic);
    expect(logged[0].message).toContain('this event can never be applied');
    expect(logger.lines.some((l) => l.message.includes(SECRET))).toBe(false);
  });

  it('dead-letters an event that fails its contract at once, without retrying it', async () => {
    const key = `user-${randomUUID()}`;
    const bad = event(key, 'unknown-kind');
    const badId = bad.headers['idfed-event-id'];
    const next = event(key, 'good');
    await publisher.publishEvents([bad, next]);

    await eventually(
      async () => expect(await timesApplied(next.headers['idfed-event-id'])).toBe(1),
      PATIENCE,
    );
    expect(tries.get(badId)).toBe(1);
    await eventually(
      async () => expect((await readLetters(topic)).filter((l) => l.eventId === badId)).toHaveLength(1),
      PATIENCE,
    );
    const letter = (await readLetters(topic)).find((l) => l.eventId === badId)!;
    expect(letter.attempts).toBe(1);
    expect(letter.reason).toMatch(/^InvalidMessageError: ThingHappened: kind/);
  });

  it('applies an event that succeeds on its second try exactly once, and does not dead-letter it', async () => {
    const flaky = event(`user-${randomUUID()}`, 'flaky');
    const flakyId = flaky.headers['idfed-event-id'];
    await publisher.publishEvents([flaky]);

    await eventually(() => expect(tries.get(flakyId)).toBe(2), PATIENCE);
    await eventually(() => expect(appliedOrder).toContain((flaky.value as { id: string }).id), PATIENCE);
    expect(await timesApplied(flakyId)).toBe(1);
    const [{ count }] = await ds.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM "${schema}".inbox WHERE event_id = $1`,
      [flakyId],
    );
    expect(count).toBe(1);
    expect((await readLetters(topic)).filter((l) => l.eventId === flakyId)).toHaveLength(0);
  });

  it('does not count tries while a dependency is down: the event is applied once it is back', async () => {
    const outage = event(`user-${randomUUID()}`, 'outage');
    const outageId = outage.headers['idfed-event-id'];
    await publisher.publishEvents([outage]);

    await eventually(async () => expect(await timesApplied(outageId)).toBe(1), PATIENCE);
    expect(tries.get(outageId)).toBe(POLICY.maxAttempts + 2);
    expect((await readLetters(topic)).filter((l) => l.eventId === outageId)).toHaveLength(0);
  });

  if (name === 'kafka') {
    it('dead-letters a message that is not JSON at once, keeping its bytes, key and headers', async () => {
      const key = `user-${randomUUID()}`;
      const badId = randomUUID();
      const raw = `{"id": "${SECRET}", not json`;
      const producer = new Kafka({
        clientId: `dead-letter-raw-${run}`,
        brokers: brokers.split(','),
      }).producer();
      await producer.connect();
      await producer.send({
        topic,
        messages: [{ key, value: raw, headers: { 'idfed-event-id': badId, 'x-trace': 'abc' } }],
      });
      await producer.disconnect();
      const next = event(key, 'good');
      await publisher.publishEvents([next]);

      await eventually(
        async () => expect(await timesApplied(next.headers['idfed-event-id'])).toBe(1),
        PATIENCE,
      );
      expect(tries.has(badId)).toBe(false);
      await eventually(
        async () => expect((await readLetters(topic)).filter((l) => l.eventId === badId)).toHaveLength(1),
        PATIENCE,
      );
      const letter = (await readLetters(topic)).find((l) => l.eventId === badId)!;
      expect(letter).toMatchObject({ key, value: raw, attempts: 1 });
      expect(letter.reason).toBe('MalformedEventError: the message value is not valid JSON');
      expect(letter.headers['x-trace']).toBe('abc');
      expect(letter.headers['idfed-dead-letter-consumer']).toBe(SERVICE);
      expect(Number(letter.headers['idfed-dead-letter-partition'])).toBeGreaterThanOrEqual(0);
      expect(letter.headers['idfed-dead-letter-offset']).toMatch(/^\d+$/);
      expect(logger.lines.some((l) => l.message.includes(SECRET))).toBe(false);
    });
  }
});
