import { randomUUID } from 'node:crypto';
import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { parseMessage } from '@idfed/contracts';
import {
  BusContext,
  BusExceptionFilter,
  createClientTransport,
  createServerTransport,
  deadLetterStatusMigration,
  DeadLetterStore,
  DeadLetterTable,
  deadLetterTableMigration,
  EventRetryPolicy,
  InboxService,
  InProcessBus,
  InProcessServer,
  KafkaDeadLetterTopic,
  messagingTablesMigration,
  OutboundEvent,
  OutboxRelay,
  OutboxService,
  StoredDeadLetter,
  TransportConfig,
} from '@idfed/messaging';
import { migrateServiceSchema } from '@idfed/persistence';
import { IsUUID } from 'class-validator';
import { eventually } from '../../testing/src/eventually';

/**
 * Replaying dead letters (ADR 0013), on both transports against a real PostgreSQL and Kafka: an
 * event its consumer could not handle is dead-lettered; once the cause is fixed (here: the
 * consumer now accepts it) an operator replays it, the consumer applies it once, and a second
 * replay sends nothing. From the table through the consuming service's outbox on the in-process
 * bus, from the dead-letter topic on Kafka.
 */
const brokers = process.env.IDFED_TEST_KAFKA_BROKERS;
if (!brokers) throw new Error('IDFED_TEST_KAFKA_BROKERS is not set: the integration tier needs a real Kafka');
const run = randomUUID().slice(0, 8);
const SERVICE = 'device-sync';
const CONSUMER = 'device-sync.replay-test';
const POLICY: EventRetryPolicy = { maxAttempts: 2, firstBackoffMs: 20, maxBackoffMs: 50 };
const PATIENCE = { timeoutMs: 60_000, intervalMs: 100 };

class ThingHappened {
  @IsUUID()
  id!: string;
}

/** Events the consumer accepts: the "fix" of each test. Others fail every try. */
const accepted = new Set<string>();
const tries = new Map<string, number>();

function consumerOf(topic: string, inbox: () => InboxService, schema: () => string) {
  @Controller()
  class PickyConsumer {
    @EventPattern(topic)
    async happened(@Payload() value: unknown, @Ctx() ctx: BusContext) {
      const eventId = ctx.getEventId();
      tries.set(eventId, (tries.get(eventId) ?? 0) + 1);
      parseMessage(ThingHappened, value);
      if (!accepted.has(eventId)) throw new Error('a bug: this consumer does not accept the event yet');
      await inbox().processOnce(CONSUMER, eventId, async (m) => {
        await m.query(
          `INSERT INTO "${schema()}".applied (event_id, times) VALUES ($1, 1)
           ON CONFLICT (event_id) DO UPDATE SET times = applied.times + 1`,
          [eventId],
        );
      });
    }
  }
  return PickyConsumer;
}

const transports: [string, () => TransportConfig][] = [
  ['in-process', () => ({ kind: 'in-process', bus: new InProcessBus(), eventRetry: POLICY })],
  [
    'kafka',
    () => ({
      kind: 'kafka',
      brokers: brokers.split(','),
      partitions: 3,
      clientId: `dead-letter-replay-${run}`,
      eventRetry: POLICY,
    }),
  ],
];

describe.each(transports)('replaying dead letters over %s', (name, config) => {
  const schema = `dead_letter_replay_${randomUUID().slice(0, 8)}`;
  const topic = `idfed-test-${run}-${name}.thing.replayed.v1`;
  let ds: DataSource;
  let inbox: InboxService;
  let app: INestMicroservice;
  let publisher: ReturnType<typeof createClientTransport>;
  let relay: OutboxRelay | undefined;
  let store: DeadLetterStore;
  let transport: TransportConfig;

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

    transport = config();
    @Module({
      controllers: [
        consumerOf(
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
    app = await NestFactory.createMicroservice(TestModule, { strategy, logger: false });
    app.useGlobalFilters(new BusExceptionFilter());
    await app.listen();
    publisher = createClientTransport(transport);
    await publisher.connect();

    if (transport.kind === 'in-process') {
      // The consuming service's own relay, which sends what a replay put in its outbox.
      relay = new OutboxRelay(ds, schema, new OutboxService(schema), publisher, {
        pollIntervalMs: 50,
        batchSize: 100,
      });
      relay.start();
      store = table;
    } else {
      store = new KafkaDeadLetterTopic(SERVICE, {
        brokers: transport.brokers,
        partitions: transport.partitions,
        clientId: `dead-letter-tool-${run}`,
      });
    }
  }, 120_000);

  afterAll(async () => {
    await relay?.stop();
    if (store instanceof KafkaDeadLetterTopic) await store.close();
    await publisher?.close();
    await app?.close();
    await ds.query(`DROP SCHEMA "${schema}" CASCADE`);
    await ds.destroy();
  }, 60_000);

  function event(): OutboundEvent {
    return {
      topic,
      key: `identity-${randomUUID()}`,
      value: { id: randomUUID() },
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

  /** The letters of one event, once at least `count` of them are there. */
  async function lettersOf(eventId: string, count = 1): Promise<StoredDeadLetter[]> {
    let letters: StoredDeadLetter[] = [];
    await eventually(async () => {
      letters = (await store.list()).filter((l) => l.sourceTopic === topic && l.eventId === eventId);
      expect(letters.length).toBeGreaterThanOrEqual(count);
    }, PATIENCE);
    return letters;
  }

  /** What the next replay would have to add to: the outbox's rows, or the topic's end offsets. */
  async function sentSoFar(): Promise<string> {
    if (transport.kind === 'in-process') {
      const [{ count }] = await ds.query<{ count: number }[]>(
        `SELECT count(*)::int AS count FROM "${schema}".outbox`,
      );
      return String(count);
    }
    const admin = new Kafka({ clientId: `replay-check-${run}`, brokers: transport.brokers }).admin();
    await admin.connect();
    try {
      return JSON.stringify(await admin.fetchTopicOffsets(topic));
    } finally {
      await admin.disconnect();
    }
  }

  it('replays a letter once its cause is fixed: applied once, and a second replay sends nothing', async () => {
    const poison = event();
    const eventId = poison.headers['idfed-event-id'];
    await publisher.publishEvents([poison]);
    const [letter] = await lettersOf(eventId);
    expect(letter).toMatchObject({ status: 'waiting', key: poison.key, attempts: POLICY.maxAttempts });
    expect(JSON.parse(letter.value!)).toEqual(poison.value);
    expect(tries.get(eventId)).toBe(POLICY.maxAttempts);
    expect(await timesApplied(eventId)).toBeUndefined();

    accepted.add(eventId);
    const first = await store.replay(letter.id);
    expect(first).toMatchObject({ outcome: 'replayed', letter: { id: letter.id, status: 'replayed' } });
    await eventually(async () => expect(await timesApplied(eventId)).toBe(1), PATIENCE);
    expect(tries.get(eventId)).toBe(POLICY.maxAttempts + 1);
    expect((await lettersOf(eventId)).map((l) => l.status)).toEqual(['replayed']);

    // Relayed and gone from the outbox (in-process); then the second replay must add nothing.
    if (transport.kind === 'in-process') await eventually(async () => expect(await sentSoFar()).toBe('0'));
    const before = await sentSoFar();
    const second = await store.replay(letter.id);
    expect(second).toMatchObject({ outcome: 'already-replayed', letter: { id: letter.id } });
    expect(await sentSoFar()).toBe(before);
    expect(await timesApplied(eventId)).toBe(1);
  });

  it('does not replay a discarded letter', async () => {
    const poison = event();
    const eventId = poison.headers['idfed-event-id'];
    await publisher.publishEvents([poison]);
    const [letter] = await lettersOf(eventId);

    expect(await store.discard(letter.id)).toMatchObject({ outcome: 'discarded' });
    accepted.add(eventId);
    const before = await sentSoFar();
    expect(await store.replay(letter.id)).toMatchObject({ outcome: 'already-discarded' });
    expect(await sentSoFar()).toBe(before);
    expect((await lettersOf(eventId)).map((l) => l.status)).toEqual(['discarded']);
    expect(await timesApplied(eventId)).toBeUndefined();
  });

  it('lists a letter whose replay failed again as waiting once more', async () => {
    const poison = event();
    const eventId = poison.headers['idfed-event-id'];
    await publisher.publishEvents([poison]);
    const [letter] = await lettersOf(eventId);

    expect(await store.replay(letter.id)).toMatchObject({ outcome: 'replayed' });
    await eventually(() => expect(tries.get(eventId)).toBe(2 * POLICY.maxAttempts), PATIENCE);
    await eventually(async () => {
      const statuses = (await lettersOf(eventId)).map((l) => l.status);
      // The table keeps one row per event (waiting again); the topic gets a second letter.
      expect(statuses).toEqual(transport.kind === 'in-process' ? ['waiting'] : ['replayed', 'waiting']);
    }, PATIENCE);
    expect(await timesApplied(eventId)).toBeUndefined();
  });

  it('finds nothing to replay under an unknown id', async () => {
    expect(await store.replay(transport.kind === 'in-process' ? '999999999' : '0:999999999')).toEqual({
      outcome: 'not-found',
    });
    expect(await store.discard('not-an-id')).toEqual({ outcome: 'not-found' });
  });
});
