import { randomUUID } from 'node:crypto';
import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { defineCommand } from '@idfed/contracts';
import { BusClient, createClientTransport, createServerTransport, TransportConfig } from '@idfed/messaging';
import { eventually } from '../../testing/src/eventually';

/**
 * Replicas of a gateway come and go while requests are in flight. A reply is addressed to a
 * partition of the app's reply topic; if another replica joining or leaving could move that
 * partition to someone else, the reply would reach a replica that does not know the request, and
 * the caller would wait for nothing. Every reply must reach the instance that asked.
 */
const held = defineCommand<{ n: number }, { n: number }>('device-sync', 'test-held');

/** Commands wait at this gate until the test opens it: replies are sent only after a rejoin. */
let openGate: () => void = () => undefined;
let gate = new Promise<void>((resolve) => (openGate = resolve));
let arrived = 0;

@Controller()
class HeldHandlers {
  @MessagePattern(held.pattern)
  async held(@Payload() e: { payload: { n: number } }) {
    arrived++;
    await gate;
    return { n: e.payload.n };
  }
}

@Module({ controllers: [HeldHandlers] })
class HeldModule {}

const brokers = process.env.IDFED_TEST_KAFKA_BROKERS;
if (!brokers) throw new Error('IDFED_TEST_KAFKA_BROKERS is not set: the integration tier needs a real Kafka');
const run = randomUUID().slice(0, 8);
const transport: TransportConfig = {
  kind: 'kafka',
  brokers: brokers.split(','),
  partitions: 3,
  clientId: `reply-routing-${run}`,
};
const replyGroup = `idfed.reply-routing-${run}.replies`;
const meta = { requestId: 'req-1', caller: { kind: 'anonymous' as const } };

async function until(check: () => boolean): Promise<void> {
  await eventually(() => expect(check()).toBe(true), { timeoutMs: 30_000, intervalMs: 50 });
}

describe('replies while replicas of the requesting app join and leave', () => {
  let service: INestMicroservice;
  let first: BusClient;

  beforeAll(async () => {
    service = await NestFactory.createMicroservice(HeldModule, {
      strategy: createServerTransport('device-sync', transport),
      logger: false,
    });
    await service.listen();
    first = new BusClient(createClientTransport(transport, replyGroup), 60_000);
    await first.connect();
  }, 120_000);

  afterAll(async () => {
    openGate();
    await first.close();
    await service.close();
  }, 60_000);

  async function inFlightAcross(change: () => Promise<void>): Promise<void> {
    arrived = 0;
    gate = new Promise<void>((resolve) => (openGate = resolve));
    const requests = Array.from({ length: 12 }, (_, n) => first.request(held, { n }, meta));
    await until(() => arrived === 12); // every request is with the service, its reply not yet sent
    await change();
    openGate();
    await expect(Promise.all(requests)).resolves.toEqual(Array.from({ length: 12 }, (_, n) => ({ n })));
  }

  it('reach the replica that asked when another replica joins', async () => {
    const second = new BusClient(createClientTransport(transport, replyGroup), 60_000);
    await inFlightAcross(() => second.connect());
    // The newcomer is served too.
    await expect(second.request(held, { n: 99 }, meta)).resolves.toEqual({ n: 99 });
    await second.close();
  }, 120_000);

  it('reach the replica that asked when another replica leaves', async () => {
    const second = new BusClient(createClientTransport(transport, replyGroup), 60_000);
    await second.connect();
    await inFlightAcross(() => second.close());
  }, 120_000);
});
