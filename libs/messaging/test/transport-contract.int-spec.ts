import { randomUUID } from 'node:crypto';
import { eventually } from '../../testing/src/eventually';
import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { defineCommand } from '@idfed/contracts';
import {
  BusClient,
  BusContext,
  CommandFailedError,
  createClientTransport,
  createServerTransport,
  InProcessBus,
  ServiceError,
  TransportConfig,
} from '@idfed/messaging';

/**
 * One contract, two transports: whatever a handler can observe must be the same on the in-process
 * bus (embedded default) and on Kafka (distributed). Runs against the real Kafka of the test run.
 */
const echo = defineCommand<{ text: string }, { echoed: string; key: string }>('device-sync', 'test-echo');
const fail = defineCommand<Record<string, never>, never>('device-sync', 'test-fail');
const crash = defineCommand<Record<string, never>, never>('device-sync', 'test-crash');
const TOPIC = `idfed-test.thing.happened.v1`;

const received: Record<string, { key: string; id: string; eventId: string }[]> = {};
let failuresLeft = 0;

function handlersFor(group: string) {
  @Controller()
  class TestHandlers {
    @MessagePattern(echo.pattern)
    echo(@Payload() e: { payload: { text: string } }, @Ctx() ctx: BusContext) {
      return { echoed: e.payload.text, key: ctx.getKey() };
    }

    @MessagePattern(fail.pattern)
    fail() {
      throw new ServiceError('UsernameExistsException', 'User already exists');
    }

    @MessagePattern(crash.pattern)
    crash() {
      throw new Error('database password is hunter2');
    }

    @EventPattern(TOPIC)
    happened(@Payload() value: { id: string }, @Ctx() ctx: BusContext) {
      if (group === 'device-sync' && failuresLeft > 0) {
        failuresLeft--;
        throw new Error('transient failure');
      }
      (received[group] ??= []).push({ key: ctx.getKey(), id: value.id, eventId: ctx.getEventId() });
    }
  }
  return TestHandlers;
}

async function startService(service: 'device-sync' | 'federation-broker', transport: TransportConfig) {
  @Module({ controllers: [handlersFor(service)] })
  class TestModule {}
  const app = await NestFactory.createMicroservice(TestModule, {
    strategy: createServerTransport(service, transport),
    logger: false,
  });
  await app.listen();
  return app;
}

const brokers = process.env.IDFED_TEST_KAFKA_BROKERS;
if (!brokers) throw new Error('IDFED_TEST_KAFKA_BROKERS is not set: the integration tier needs a real Kafka');
const run = randomUUID().slice(0, 8);
const transports: [string, () => TransportConfig][] = [
  ['in-process', () => ({ kind: 'in-process', bus: new InProcessBus() })],
  [
    'kafka',
    () => ({ kind: 'kafka', brokers: brokers.split(','), partitions: 3, clientId: `contract-${run}` }),
  ],
];

describe.each(transports)('bus contract over %s', (_name, config) => {
  let transport: TransportConfig;
  let services: INestMicroservice[];
  let bus: BusClient;
  let publisher: ReturnType<typeof createClientTransport>;
  const meta = { requestId: 'req-1', caller: { kind: 'anonymous' as const } };

  beforeAll(async () => {
    transport = config();
    services = [
      await startService('device-sync', transport),
      await startService('federation-broker', transport),
    ];
    const client = createClientTransport(transport, `idfed.contract-${run}.replies`);
    bus = new BusClient(client, 20_000);
    await bus.connect();
    publisher = createClientTransport(transport);
    await publisher.connect();
  }, 120_000);

  afterAll(async () => {
    await bus.close();
    await publisher.close();
    for (const s of services) await s.close();
  }, 60_000);

  it('carries a request and its reply; commands carry no partition key', async () => {
    await expect(bus.request(echo, { text: 'hello' }, meta)).resolves.toEqual({
      echoed: 'hello',
      key: '',
    });
  });

  it('handles concurrent requests and matches each reply to its request', async () => {
    const texts = Array.from({ length: 50 }, (_, i) => `m${i}`);
    const replies = await Promise.all(texts.map((text) => bus.request(echo, { text }, meta)));
    expect(replies.map((r) => r.echoed)).toEqual(texts);
  });

  it('delivers a ServiceError by its AWS name and message', async () => {
    const err = await bus.request(fail, {}, meta).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CommandFailedError);
    expect((err as CommandFailedError).error).toEqual({
      name: 'UsernameExistsException',
      message: 'User already exists',
    });
  });

  it('turns an unexpected error into InternalErrorException without its detail', async () => {
    const err = (await bus.request(crash, {}, meta).catch((e: unknown) => e)) as CommandFailedError;
    expect(err.error.name).toBe('InternalErrorException');
    expect(err.error.message).not.toContain('hunter2');
  });

  it('fails a command nobody serves with a retryable error rather than hanging', async () => {
    const nobody = defineCommand<object, object>('credential-vending', 'test-nobody');
    // A hang would run into the test's timeout; the 3 s given to the client is its own bound.
    const impatient = new BusClient(
      createClientTransport(transport, `idfed.contract-${run}.impatient`),
      3000,
    );
    await impatient.connect();
    const err = (await impatient.request(nobody, {}, meta).catch((e: unknown) => e)) as CommandFailedError;
    await impatient.close();
    expect(err.error.name).toBe('ServiceUnavailable');
  });

  it('gives every subscribing group each event once, in key order, and redelivers after a failure', async () => {
    for (const k of Object.keys(received)) delete received[k];
    failuresLeft = 2;
    const events = Array.from({ length: 10 }, (_, i) => ({
      topic: TOPIC,
      key: `identity-${i % 2}`,
      value: { id: `e${i}` },
      headers: { 'idfed-event-id': randomUUID() },
    }));
    await publisher.publishEvents(events);
    await eventually(
      () => {
        expect(received['device-sync']).toHaveLength(10);
        expect(received['federation-broker']).toHaveLength(10);
      },
      { timeoutMs: 20_000, intervalMs: 50 },
    );
    for (const group of ['device-sync', 'federation-broker']) {
      for (const key of ['identity-0', 'identity-1']) {
        const ids = received[group].filter((r) => r.key === key).map((r) => r.id);
        const sent = events.filter((e) => e.key === key).map((e) => e.value.id);
        expect(ids).toEqual(sent);
      }
    }
  });
});
