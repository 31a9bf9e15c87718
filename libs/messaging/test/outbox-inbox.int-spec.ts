import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  EventPublisher,
  InboxService,
  messagingTablesMigration,
  OutboundEvent,
  OutboxRelay,
  OutboxService,
} from '@idfed/messaging';
import { migrateServiceSchema } from '@idfed/persistence';
import { eventually } from '../../testing/src/eventually';

/** The outbox and inbox against a real PostgreSQL: nothing lost, nothing applied twice. */
describe('transactional outbox and inbox', () => {
  const schema = `outbox_test_${randomUUID().slice(0, 8)}`;
  let ds: DataSource;
  let outbox: OutboxService;

  beforeAll(async () => {
    ds = new DataSource({
      type: 'postgres',
      url: process.env.IDFED_TEST_DATABASE_URL,
      schema,
      migrations: [messagingTablesMigration(schema)],
      migrationsTableName: 'migrations',
    });
    await ds.initialize();
    await migrateServiceSchema(ds, schema);
    outbox = new OutboxService(schema);
  });

  afterAll(async () => {
    await ds.query(`DROP SCHEMA "${schema}" CASCADE`);
    await ds.destroy();
  });

  class RecordingPublisher implements EventPublisher {
    published: OutboundEvent[] = [];
    failNext = 0;
    async publishEvents(events: OutboundEvent[]): Promise<void> {
      if (this.failNext > 0) {
        this.failNext--;
        throw new Error('broker unavailable');
      }
      this.published.push(...events);
    }
  }

  it('writes events only when the transaction commits', async () => {
    await ds
      .transaction(async (m) => {
        await outbox.add(m, { topic: 't.v1', key: 'k', payload: { n: 1 } });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM "${schema}".outbox`);
    expect(count).toBe(0);
  });

  it('relays committed events in commit order, keeps them through a failed publish, then deletes them', async () => {
    for (let i = 0; i < 5; i++) {
      await ds.transaction((m) => outbox.add(m, { topic: 't.v1', key: `k${i % 2}`, payload: { n: i } }));
    }
    const publisher = new RecordingPublisher();
    publisher.failNext = 1;
    const relay = new OutboxRelay(ds, schema, outbox, publisher, { pollIntervalMs: 20, batchSize: 100 });
    await expect(relay.relayBatch()).rejects.toThrow('broker unavailable');
    const [{ count: kept }] = await ds.query(`SELECT count(*)::int AS count FROM "${schema}".outbox`);
    expect(kept).toBe(5);
    expect(await relay.relayBatch()).toBe(5);
    expect(publisher.published.map((e) => (e.value as { n: number }).n)).toEqual([0, 1, 2, 3, 4]);
    expect(publisher.published.every((e) => e.headers['idfed-event-id'])).toBe(true);
    const [{ count: left }] = await ds.query(`SELECT count(*)::int AS count FROM "${schema}".outbox`);
    expect(left).toBe(0);
  });

  it('lets only one relay publish at a time', async () => {
    await ds.transaction((m) => outbox.add(m, { topic: 't.v1', key: 'k', payload: { n: 9 } }));
    const slow: EventPublisher = {
      publishEvents: () => new Promise((resolve) => setTimeout(resolve, 300)),
    };
    const a = new OutboxRelay(ds, schema, outbox, slow);
    const b = new OutboxRelay(ds, schema, outbox, new RecordingPublisher());
    const first = a.relayBatch();
    await new Promise((r) => setTimeout(r, 50));
    expect(await b.relayBatch()).toBe(0);
    expect(await first).toBe(1);
  });

  it('runs the relay loop and publishes on a nudge', async () => {
    const publisher = new RecordingPublisher();
    const relay = new OutboxRelay(ds, schema, outbox, publisher, { pollIntervalMs: 60_000, batchSize: 100 });
    relay.start();
    await ds.transaction((m) => outbox.add(m, { topic: 't.v1', key: 'k', payload: { n: 42 } }));
    outbox.nudge();
    await eventually(() => expect(publisher.published).not.toHaveLength(0), {
      timeoutMs: 5000,
      intervalMs: 20,
    });
    await relay.stop();
    expect(publisher.published.map((e) => (e.value as { n: number }).n)).toEqual([42]);
  });

  it('publishes as soon as a transaction that wrote events commits, without waiting for a poll', async () => {
    const publisher = new RecordingPublisher();
    // A poll interval longer than the test's timeout: only the commit can have woken the relay.
    const relay = new OutboxRelay(ds, schema, outbox, publisher, { pollIntervalMs: 600_000, batchSize: 100 });
    relay.start();
    try {
      await eventually(() => expect(relay['wake']).toBeDefined(), { timeoutMs: 5000, intervalMs: 10 });
      await ds
        .transaction(async (m) => {
          await outbox.add(m, { topic: 't.v1', key: 'k', payload: { n: 50 } });
          throw new Error('roll back');
        })
        .catch(() => undefined);
      await ds.transaction(async (m) => {
        // A savepoint released inside does not count as the commit.
        await m.transaction((inner) => outbox.add(inner, { topic: 't.v1', key: 'k', payload: { n: 51 } }));
        await outbox.add(m, { topic: 't.v1', key: 'k', payload: { n: 52 } });
      });
      await eventually(() => expect(publisher.published).toHaveLength(2), {
        timeoutMs: 5000,
        intervalMs: 20,
      });
      expect(publisher.published.map((e) => (e.value as { n: number }).n)).toEqual([51, 52]);
    } finally {
      await relay.stop();
    }
    expect(ds.subscribers).toHaveLength(0);
  });

  it('tries again soon when woken while another replica holds the lock', async () => {
    let release!: () => void;
    let entered!: () => void;
    const publishing = new Promise<void>((r) => (entered = r));
    const gate = new Promise<void>((r) => (release = r));
    const slow: EventPublisher = {
      async publishEvents() {
        entered();
        await gate;
      },
    };
    await ds.transaction((m) => outbox.add(m, { topic: 't.v1', key: 'k', payload: { n: 60 } }));
    const other = new OutboxRelay(ds, schema, new OutboxService(schema), slow);
    const holding = other.relayBatch();
    await publishing;
    const publisher = new RecordingPublisher();
    const relay = new OutboxRelay(ds, schema, outbox, publisher, { pollIntervalMs: 600_000, batchSize: 100 });
    relay.start();
    try {
      // Committed after the other replica read the outbox: only this relay can still publish it.
      await ds.transaction((m) => outbox.add(m, { topic: 't.v1', key: 'k', payload: { n: 61 } }));
      release();
      expect(await holding).toBe(1);
      await eventually(() => expect(publisher.published).toHaveLength(1), {
        timeoutMs: 5000,
        intervalMs: 20,
      });
      expect((publisher.published[0].value as { n: number }).n).toBe(61);
    } finally {
      await relay.stop();
    }
  });

  it('stops at once when stopped while a batch is being published', async () => {
    let release!: () => void;
    let entered!: () => void;
    const publishing = new Promise<void>((r) => (entered = r));
    const gate = new Promise<void>((r) => (release = r));
    const publisher: EventPublisher = {
      async publishEvents() {
        entered();
        await gate;
      },
    };
    // A poll interval longer than the test's timeout: a stop that waits for it fails the test.
    const relay = new OutboxRelay(ds, schema, outbox, publisher, { pollIntervalMs: 600_000, batchSize: 100 });
    await ds.transaction((m) => outbox.add(m, { topic: 't.v1', key: 'k', payload: { n: 7 } }));
    relay.start();
    await publishing;
    const stopped = relay.stop();
    release();
    await stopped;
  });

  it('applies a redelivered event once', async () => {
    const inbox = new InboxService(ds, schema);
    await ds.query(`CREATE TABLE "${schema}".counter (n int)`);
    await ds.query(`INSERT INTO "${schema}".counter VALUES (0)`);
    const eventId = randomUUID();
    const apply = () =>
      inbox.processOnce('test-consumer', eventId, (m) => m.query(`UPDATE "${schema}".counter SET n = n + 1`));
    expect(await apply()).toBe(true);
    expect(await apply()).toBe(false);
    expect(await inbox.processOnce('other-consumer', eventId, async () => undefined)).toBe(true);
    const [{ n }] = await ds.query(`SELECT n FROM "${schema}".counter`);
    expect(n).toBe(1);
  });

  it('records nothing when the consumer fails, so the redelivery applies', async () => {
    const inbox = new InboxService(ds, schema);
    const eventId = randomUUID();
    await expect(
      inbox.processOnce('test-consumer', eventId, async () => {
        throw new Error('crash mid-way');
      }),
    ).rejects.toThrow('crash mid-way');
    expect(await inbox.processOnce('test-consumer', eventId, async () => undefined)).toBe(true);
  });
});
