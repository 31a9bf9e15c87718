import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import {
  BroadcastEvent,
  BroadcastSubscription,
  subscribeToBroadcast,
} from '../src/broadcast/broadcast-subscription';
import { TransportConfig } from '../src/transport.factory';

/**
 * Broadcast subscriptions that replay some topics from a point in time (ADR 0035), on a real
 * broker. Replicas start beside the service that creates their topics, so a replica may be the
 * one creating them, at the same moment as the others.
 */
const brokers = process.env.IDFED_TEST_KAFKA_BROKERS;
if (!brokers) throw new Error('IDFED_TEST_KAFKA_BROKERS is not set: the integration tier needs a real Kafka');
const transport: TransportConfig = {
  kind: 'kafka',
  brokers: brokers.split(','),
  partitions: 3,
  clientId: 'broadcast-replay-spec',
};
const HOUR = 3_600_000;

describe('a broadcast subscription that replays', () => {
  const open: BroadcastSubscription[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });

  it('starts, as several replicas at once, on topics that do not exist yet', async () => {
    const run = randomUUID().slice(0, 8);
    const topics = [`idfed.test.replay-start.${run}.a`, `idfed.test.replay-start.${run}.b`];
    // Before the retry, each start failed on a new topic with "This server is not the leader for
    // that topic-partition" (seen three times out of three here on a fresh broker).
    const started = await Promise.allSettled(
      [1, 2, 3].map(() =>
        subscribeToBroadcast(transport, `idfed.test.replay-start.${run}`, topics, () => undefined, {
          topics,
          sinceMs: Date.now() - HOUR,
        }),
      ),
    );
    for (const s of started) if (s.status === 'fulfilled') open.push(s.value);
    expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'started'))).toEqual([
      'started',
      'started',
      'started',
    ]);
  }, 90_000);

  it('has read the events since the given time, and none older, when it resolves', async () => {
    const run = randomUUID().slice(0, 8);
    const topic = `idfed.test.replay-window.${run}`;
    const kafka = new Kafka({
      clientId: 'replay-spec',
      brokers: transport.brokers,
      logLevel: logLevel.NOTHING,
    });
    const producer = kafka.producer();
    await producer.connect();
    try {
      const admin = kafka.admin();
      await admin.connect();
      await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 3 }] });
      await admin.disconnect();
      const now = Date.now();
      await producer.send({
        topic,
        messages: [
          { key: 'u1', value: JSON.stringify({ n: 'two hours ago' }), timestamp: String(now - 2 * HOUR) },
          { key: 'u2', value: JSON.stringify({ n: 'half an hour ago' }), timestamp: String(now - HOUR / 2) },
          { key: 'u3', value: JSON.stringify({ n: 'just now' }) },
        ],
      });
      const seen: string[] = [];
      const handler = (e: BroadcastEvent) => seen.push((e.value as { n: string }).n);
      open.push(
        await subscribeToBroadcast(transport, `idfed.test.replay-window.${run}`, [topic], handler, {
          topics: [topic],
          sinceMs: now - HOUR,
        }),
      );
      // Resolved: the replay is complete, so nothing is awaited here.
      expect(seen.sort()).toEqual(['half an hour ago', 'just now']);
      await producer.send({ topic, messages: [{ key: 'u4', value: JSON.stringify({ n: 'after' }) }] });
      const until = Date.now() + 20_000;
      while (!seen.includes('after') && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect(seen.filter((n) => n === 'after')).toEqual(['after']);
    } finally {
      await producer.disconnect();
    }
  }, 90_000);
});
