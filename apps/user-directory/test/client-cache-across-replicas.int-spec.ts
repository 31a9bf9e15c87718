import { TestingModule } from '@nestjs/testing';
import { CommandMeta } from '@idfed/contracts';
import {
  BusClientProxy,
  createClientTransport,
  EVENT_PUBLISHER,
  OUTBOX_RELAY_OPTIONS,
  OutboxRelay,
  ServiceError,
  TransportConfig,
} from '@idfed/messaging';
import { SERVICE_SCHEMA } from '@idfed/persistence';
import { eventually } from '../../../libs/testing/src/eventually';
import { AppClientsRepository } from '../src/clients/app-clients.repository';
import { ClientCacheInvalidation } from '../src/clients/client-cache-invalidation';
import { ClientsService } from '../src/clients/clients.service';
import { CreateUserPoolClientUseCase } from '../src/clients/create-user-pool-client.use-case';
import { DeleteUserPoolClientUseCase } from '../src/clients/delete-user-pool-client.use-case';
import { UpdateUserPoolClientUseCase } from '../src/clients/update-user-pool-client.use-case';
import { USER_DIRECTORY_SCHEMA } from '../src/database/schema';
import { CreateUserPoolUseCase } from '../src/pools/create-user-pool.use-case';
import { DeleteUserPoolUseCase } from '../src/pools/delete-user-pool.use-case';
import { USER_DIRECTORY_TRANSPORT } from '../src/user-directory.tokens';
import { PoolsTestDatabase } from './support/pools-test-database';
import { poolsTestModule } from './support/pools-test-module';

const brokers = process.env.IDFED_TEST_KAFKA_BROKERS;
if (!brokers) throw new Error('IDFED_TEST_KAFKA_BROKERS is not set: the integration tier needs a real Kafka');
const kafka: TransportConfig = {
  kind: 'kafka',
  brokers: brokers.split(','),
  partitions: 3,
  clientId: 'client-cache-spec',
};
const meta = { requestId: 'int-spec' } as CommandMeta;

/**
 * Two user-directory replicas on one PostgreSQL and one Kafka (ADR 0064): replica A changes or
 * deletes an app client (or deletes its pool) through the outbox and its relay; replica B, which
 * had the client cached, drops it when the event reaches its own broadcast consumer group, and
 * its next lookup reads the database.
 */
describe('the app-client cache across two replicas, over Kafka', () => {
  const db = new PoolsTestDatabase();
  let a: TestingModule;
  let b: TestingModule;
  let publisher: BusClientProxy;
  let relay: OutboxRelay;
  const invalidations: ClientCacheInvalidation[] = [];

  const replicaProviders = [
    UpdateUserPoolClientUseCase,
    DeleteUserPoolClientUseCase,
    ClientCacheInvalidation,
    { provide: USER_DIRECTORY_TRANSPORT, useValue: kafka },
  ];

  beforeAll(async () => {
    const dataSource = await db.create();
    publisher = createClientTransport(kafka);
    a = await poolsTestModule(dataSource, [
      ...replicaProviders,
      { provide: SERVICE_SCHEMA, useValue: USER_DIRECTORY_SCHEMA },
      { provide: EVENT_PUBLISHER, useValue: publisher },
      { provide: OUTBOX_RELAY_OPTIONS, useValue: { pollIntervalMs: 100, batchSize: 50 } },
      OutboxRelay,
    ]);
    b = await poolsTestModule(dataSource, replicaProviders);
    await publisher.connect();
    for (const m of [a, b]) {
      const invalidation = m.get(ClientCacheInvalidation);
      await invalidation.onApplicationBootstrap();
      invalidations.push(invalidation);
    }
    relay = a.get(OutboxRelay);
    relay.start();
  }, 120_000);

  afterAll(async () => {
    await relay?.stop();
    for (const i of invalidations) await i.onApplicationShutdown();
    await publisher?.close();
    await db.drop();
  }, 60_000);

  async function newClient(): Promise<{ poolId: string; clientId: string }> {
    const { UserPool } = await a.get(CreateUserPoolUseCase).execute({ PoolName: 'cache-pool' }, meta);
    const { UserPoolClient } = await a
      .get(CreateUserPoolClientUseCase)
      .execute({ UserPoolId: UserPool.Id, ClientName: 'before' });
    return { poolId: UserPool.Id, clientId: UserPoolClient.ClientId };
  }

  /** Replica B's lookups of the database, and its drops of cached entries. */
  function watchB() {
    return {
      reads: jest.spyOn(b.get(AppClientsRepository), 'find'),
      forgets: jest.spyOn(b.get(ClientsService), 'forget'),
      poolForgets: jest.spyOn(b.get(ClientsService), 'forgetPool'),
    };
  }

  afterEach(() => jest.restoreAllMocks());

  it("drops B's cached client when A updates it, so B's next sign-in sees the change", async () => {
    const { poolId, clientId } = await newClient();
    const bClients = b.get(ClientsService);
    expect((await bClients.forAuth(clientId)).client.name).toBe('before');
    const watch = watchB();
    expect((await bClients.forAuth(clientId)).client.name).toBe('before');
    expect(watch.reads).not.toHaveBeenCalled(); // cached: this is what the event must reach

    await a
      .get(UpdateUserPoolClientUseCase)
      .execute({ UserPoolId: poolId, ClientId: clientId, ClientName: 'after' }, meta);
    await eventually(() => expect(watch.forgets).toHaveBeenCalledWith(clientId), { timeoutMs: 30_000 });
    expect((await bClients.forAuth(clientId)).client.name).toBe('after');
    expect(watch.reads).toHaveBeenCalledTimes(1);
  }, 60_000);

  it('makes a client A deleted unknown on B, and the delete is not repeated', async () => {
    const { poolId, clientId } = await newClient();
    const bClients = b.get(ClientsService);
    await bClients.forAuth(clientId);
    const watch = watchB();
    await a.get(DeleteUserPoolClientUseCase).execute({ UserPoolId: poolId, ClientId: clientId }, meta);
    await eventually(() => expect(watch.forgets).toHaveBeenCalledWith(clientId), { timeoutMs: 30_000 });
    await expect(bClients.forAuth(clientId)).rejects.toMatchObject({
      errorName: 'ResourceNotFoundException',
    });
    // A second delete, on either replica, finds nothing: no event, no change.
    const again = b
      .get(DeleteUserPoolClientUseCase)
      .execute({ UserPoolId: poolId, ClientId: clientId }, meta)
      .catch((err: ServiceError) => err.errorName);
    expect(await again).toBe('ResourceNotFoundException');
  }, 60_000);

  it("drops B's clients of a pool A deleted", async () => {
    const { poolId, clientId } = await newClient();
    const bClients = b.get(ClientsService);
    await bClients.forAuth(clientId);
    const watch = watchB();
    await a.get(DeleteUserPoolUseCase).execute({ UserPoolId: poolId }, meta);
    await eventually(() => expect(watch.poolForgets).toHaveBeenCalledWith(poolId), { timeoutMs: 30_000 });
    await expect(bClients.forAuth(clientId)).rejects.toMatchObject({
      errorName: 'ResourceNotFoundException',
    });
  }, 60_000);
});
