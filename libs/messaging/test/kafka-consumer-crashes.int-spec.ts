import { randomUUID } from 'node:crypto';
import { connect, Socket } from 'node:net';
import { Consumer, Kafka, KafkaJSNonRetriableError, logLevel } from 'kafkajs';
import { recoverFromCrashes } from '../src/kafka/consumer-crashes';
import { KafkaTransportOptions } from '../src/kafka/kafka-options';
import { findGroupCoordinator, leaveGroup, parseBroker } from '../src/kafka/leave-group';

/**
 * A kafkajs consumer that crashes restarts under a new member id; the coordinator keeps the old
 * member until its session expires, and the group's rebalance waits for it. After a broker restart
 * every consumer crashes this way, so every group waited out a session. forgetCrashedMembers tells
 * the coordinator that the crashed member left.
 *
 * The consumer's connections go through a switch that plays the broker going away for it alone
 * (its sockets closed, new ones refused), so it crashes as it would in an outage and cannot leave
 * its group on the way down. The session is 60 s, well beyond the test's timeout: a rejoin that
 * waited for the old member to expire would fail the test rather than slow it.
 */
const brokers = process.env.IDFED_TEST_KAFKA_BROKERS;
if (!brokers) throw new Error('IDFED_TEST_KAFKA_BROKERS is not set: the integration tier needs a real Kafka');
const run = randomUUID().slice(0, 8);
const options: KafkaTransportOptions = {
  brokers: brokers.split(','),
  clientId: `crashed-member-${run}`,
  partitions: 1,
};
const topic = `idfed.test.crashed-member.${run}`;
const kafka = new Kafka({ clientId: options.clientId, brokers: options.brokers, logLevel: logLevel.NOTHING });

/** The consumer's own client, whose broker can be taken away. */
let away = false;
const sockets = new Set<Socket>();
const switched = new Kafka({
  clientId: options.clientId,
  brokers: options.brokers,
  logLevel: logLevel.NOTHING,
  retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 300 },
  socketFactory: ({ host, port, onConnect }) => {
    // Port 1 refuses: the broker is away for this client.
    const socket = away ? connect({ host: '127.0.0.1', port: 1 }) : connect({ host, port }, onConnect);
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    return socket;
  },
});

function joins(consumer: Consumer): string[] {
  const members: string[] = [];
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => members.push(payload.memberId));
  return members;
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 50));
}

describe('a crashed kafkajs consumer', () => {
  let consumer: Consumer | undefined;
  const admin = kafka.admin();

  beforeAll(async () => {
    await admin.connect();
    await admin.createTopics({
      topics: [
        { topic, numPartitions: 1 },
        { topic: `${topic}.given-up`, numPartitions: 1 },
      ],
      waitForLeaders: true,
    });
  }, 60_000);

  afterAll(async () => {
    await consumer?.disconnect();
    await admin.disconnect();
  }, 60_000);

  it('rejoins its group at once: the member it left behind is removed', async () => {
    const groupId = `idfed.test.crashed-member.${run}`;
    consumer = switched.consumer({
      groupId,
      sessionTimeout: 60_000,
      heartbeatInterval: 1000,
      rebalanceTimeout: 60_000,
      maxWaitTimeInMs: 100,
    });
    const members = joins(consumer);
    let crashes = 0;
    consumer.on(consumer.events.CRASH, () => crashes++);
    const c = consumer;
    const runConsumer = () => c.run({ eachMessage: () => Promise.resolve() });
    const stop = recoverFromCrashes(consumer, options, groupId, runConsumer);
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await runConsumer();
    await until(() => members.length === 1);

    away = true;
    for (const socket of sockets) socket.destroy(new Error('the broker went away'));
    await until(() => crashes > 0);
    away = false;

    await until(() => members.length === 2); // within the test's timeout, far below the 60 s session
    stop();
    expect(members[1]).not.toBe(members[0]);
    const [group] = (await admin.describeGroups([groupId])).groups;
    expect(group.members.map((m) => m.memberId)).toEqual([members[1]]);
  }, 30_000);

  it('is started again when kafkajs gives up on it', async () => {
    const groupId = `idfed.test.given-up.${run}`;
    const given = kafka.consumer({
      groupId,
      sessionTimeout: 6000,
      heartbeatInterval: 1000,
      maxWaitTimeInMs: 100,
    });
    const members = joins(given);
    const seen: string[] = [];
    const start = () =>
      given.run({
        eachMessage: ({ message }) => {
          const value = message.value?.toString() ?? '';
          if (value === 'fatal' && !seen.includes(value)) {
            seen.push(value);
            // An error kafkajs does not retry: it stops the consumer instead of restarting it.
            return Promise.reject(new KafkaJSNonRetriableError('an error kafkajs gives up on'));
          }
          seen.push(value);
          return Promise.resolve();
        },
      });
    const stop = recoverFromCrashes(given, options, groupId, start);
    try {
      await given.connect();
      await given.subscribe({ topics: [`${topic}.given-up`], fromBeginning: true });
      await start();
      await until(() => members.length === 1);
      const producer = kafka.producer();
      await producer.connect();
      await producer.send({ topic: `${topic}.given-up`, messages: [{ value: 'fatal' }, { value: 'after' }] });
      await producer.disconnect();
      await until(() => seen.includes('after'));
      expect(members.length).toBeGreaterThanOrEqual(2);
    } finally {
      stop();
      await given.disconnect();
    }
  }, 30_000);

  it('names a member the coordinator does not know with its error code', async () => {
    const coordinator = await findGroupCoordinator(
      parseBroker(options.brokers[0]),
      options.clientId,
      `idfed.test.no-such-group.${run}`,
      5000,
    );
    await expect(
      leaveGroup(coordinator, options.clientId, `idfed.test.no-such-group.${run}`, 'no-such-member', 5000),
    ).rejects.toEqual(expect.objectContaining({ code: 25 }));
  }, 30_000);
});
