import { CommandMeta, UserDirectoryTopics } from '@idfed/contracts';
import { KeyEncryption } from '@idfed/crypto';
import {
  createClientTransport,
  DomainEvent,
  InProcessBus,
  ServiceError,
  TransportConfig,
} from '@idfed/messaging';
import { OutboxService } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { AppClientEntity, UserPoolEntity } from '../database/entities';
import { poolConfigFromRequest } from '../pools/pool-config';
import { PoolsService } from '../pools/pools.service';
import { UserPoolsRepository } from '../pools/user-pools.repository';
import { SigningKeysService } from '../tokens/signing-keys.service';
import { AppClientsRepository } from './app-clients.repository';
import { ClientCacheInvalidation } from './client-cache-invalidation';
import { clientConfigFromRequest } from './client-config';
import { ClientsService } from './clients.service';
import { DeleteUserPoolClientUseCase } from './delete-user-pool-client.use-case';
import { PoolOAuthNamesReader } from './pool-oauth-names';
import { UpdateUserPoolClientUseCase } from './update-user-pool-client.use-case';

const POOL_ID = 'us-east-1_AbCdEf123';
const CLIENT_ID = 'abcdefghijklmnopqrstuvwxyz';
const tx = { unitOfWork: 'handle' } as unknown as Transaction;
const meta = { requestId: 'req-1' } as CommandMeta;
const encryption = new KeyEncryption(Buffer.alloc(32, 7));

const pool: UserPoolEntity = {
  id: POOL_ID,
  name: 'pool',
  config: poolConfigFromRequest({ PoolName: 'pool' }, 'arn'),
  createdAt: new Date(0),
  updatedAt: new Date(0),
};

function clientNamed(name: string): AppClientEntity {
  return {
    id: CLIENT_ID,
    poolId: POOL_ID,
    name,
    secretEnc: null,
    config: clientConfigFromRequest({ UserPoolId: POOL_ID, ClientName: name }),
    createdAt: new Date(0),
    updatedAt: new Date(0),
  };
}

/** One replica's client cache over a stand-in table whose row the test changes, as another replica would. */
function replica(table: { row: AppClientEntity | undefined }) {
  const clientRows = {
    find: jest.fn(() => Promise.resolve(table.row)),
    findInPoolForUpdate: jest.fn(() => Promise.resolve(table.row)),
    update: jest.fn((_client: AppClientEntity, _tx: Transaction) => Promise.resolve()),
    delete: jest.fn(() => Promise.resolve()),
    secrets: jest.fn(() => Promise.resolve([])),
  };
  const poolRows = { find: jest.fn().mockResolvedValue(pool) } as unknown as UserPoolsRepository;
  const pools = new PoolsService(poolRows, { forgetPool: jest.fn() } as unknown as SigningKeysService);
  const clients = new ClientsService(
    clientRows as unknown as AppClientsRepository,
    poolRows,
    pools,
    encryption,
  );
  return { clientRows, pools, clients };
}

async function errorName(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (err: ServiceError) => err.errorName,
  );
}

function recordingOutbox() {
  const added: DomainEvent[] = [];
  const outbox = {
    add: jest.fn((_tx: Transaction, event: DomainEvent) => {
      added.push(event);
      return Promise.resolve('event-id');
    }),
  };
  return { added, outbox: outbox as unknown as OutboxService, mock: outbox };
}

const transactions = {
  run: (work: (t: Transaction) => Promise<unknown>) => work(tx),
} as unknown as Transactions;

describe('the app-client cache across replicas (ADR 0064)', () => {
  let bus: InProcessBus;
  let invalidations: ClientCacheInvalidation[];

  beforeEach(() => {
    bus = new InProcessBus();
    invalidations = [];
  });
  afterEach(async () => {
    for (const i of invalidations) await i.onApplicationShutdown();
  });

  async function listening(r: ReturnType<typeof replica>): Promise<void> {
    const transport: TransportConfig = { kind: 'in-process', bus };
    const invalidation = new ClientCacheInvalidation(transport, r.clients, r.pools);
    await invalidation.onApplicationBootstrap();
    invalidations.push(invalidation);
  }

  /** What the outbox relay does with an event: every subscriber of the bus gets it. */
  async function relay(events: DomainEvent[]): Promise<void> {
    const publisher = createClientTransport({ kind: 'in-process', bus });
    await publisher.publishEvents(
      events.map((e, i) => ({
        topic: e.topic,
        key: e.key,
        value: e.payload,
        headers: { 'idfed-event-id': `event-${i}` },
      })),
    );
  }

  it("drops the other replica's cached client when UpdateUserPoolClient's event arrives, and only then", async () => {
    const table = { row: clientNamed('before') };
    const a = replica(table);
    const b = replica(table);
    await listening(a);
    await listening(b);
    expect((await b.clients.forAuth(CLIENT_ID)).client.name).toBe('before');

    const { added, outbox } = recordingOutbox();
    const update = new UpdateUserPoolClientUseCase(
      transactions,
      a.clientRows as unknown as AppClientsRepository,
      a.pools,
      a.clients,
      { of: () => Promise.resolve(undefined) } as unknown as PoolOAuthNamesReader,
      outbox,
    );
    await update.execute({ UserPoolId: POOL_ID, ClientId: CLIENT_ID, ClientName: 'after' }, meta);
    table.row = a.clientRows.update.mock.calls[0][0];
    expect(added).toEqual([
      {
        topic: UserDirectoryTopics.appClientChanged,
        key: POOL_ID,
        payload: {
          userPoolId: POOL_ID,
          clientId: CLIENT_ID,
          change: 'updated',
          occurredAt: expect.any(String),
        },
        correlationId: 'req-1',
      },
    ]);
    // Before the event: B still answers from its cache (this is what the event is for).
    expect((await b.clients.forAuth(CLIENT_ID)).client.name).toBe('before');
    await relay(added);
    expect((await b.clients.forAuth(CLIENT_ID)).client.name).toBe('after');
    expect(b.clientRows.find).toHaveBeenCalledTimes(2);
    // The same event again (a redelivery) only costs one more read.
    await relay(added);
    expect((await b.clients.forAuth(CLIENT_ID)).client.name).toBe('after');
  });

  it('makes a client deleted on one replica unknown on the other once the event arrives', async () => {
    const table: { row: AppClientEntity | undefined } = { row: clientNamed('app') };
    const a = replica(table);
    const b = replica(table);
    await listening(b);
    await b.clients.forAuth(CLIENT_ID);
    const { added, outbox, mock } = recordingOutbox();
    const del = new DeleteUserPoolClientUseCase(
      transactions,
      outbox,
      a.clientRows as unknown as AppClientsRepository,
      a.pools,
      a.clients,
    );
    expect(await del.execute({ UserPoolId: POOL_ID, ClientId: CLIENT_ID }, meta)).toEqual({});
    expect(a.clientRows.findInPoolForUpdate).toHaveBeenCalledWith(POOL_ID, CLIENT_ID, tx);
    expect(a.clientRows.delete).toHaveBeenCalledWith(POOL_ID, CLIENT_ID, tx);
    expect(mock.add).toHaveBeenCalledWith(
      tx,
      expect.objectContaining({ topic: UserDirectoryTopics.appClientChanged }),
    );
    table.row = undefined;
    await relay(added);
    expect(await errorName(b.clients.forAuth(CLIENT_ID))).toBe('ResourceNotFoundException');
  });

  it("drops a pool's clients on pool-settings.changed and user-pool.deleted, and ignores a malformed event", async () => {
    const table = { row: clientNamed('app') };
    const b = replica(table);
    await listening(b);
    const forgotten = jest.fn();
    b.pools.onPoolDeleted(forgotten);
    await b.clients.forAuth(CLIENT_ID);
    await relay([
      {
        topic: UserDirectoryTopics.userPoolSettingsChanged,
        key: POOL_ID,
        payload: { userPoolId: POOL_ID, changed: ['Policies'], occurredAt: new Date().toISOString() },
      },
    ]);
    await b.clients.forAuth(CLIENT_ID);
    expect(b.clientRows.find).toHaveBeenCalledTimes(2);
    await relay([
      {
        topic: UserDirectoryTopics.appClientChanged,
        key: POOL_ID,
        payload: { clientId: 'no pool, no change' },
      },
    ]);
    await b.clients.forAuth(CLIENT_ID);
    expect(b.clientRows.find).toHaveBeenCalledTimes(2);
    await relay([
      {
        topic: UserDirectoryTopics.userPoolDeleted,
        key: POOL_ID,
        payload: { userPoolId: POOL_ID, occurredAt: new Date().toISOString() },
      },
    ]);
    expect(forgotten).toHaveBeenCalledWith(POOL_ID);
    await b.clients.forAuth(CLIENT_ID);
    expect(b.clientRows.find).toHaveBeenCalledTimes(3);
  });
});

describe('ClientsService', () => {
  it('does not cache a row it read before a forget arrived', async () => {
    const table = { row: clientNamed('old') };
    const r = replica(table);
    let release!: () => void;
    r.clientRows.find.mockImplementationOnce(
      () => new Promise((resolve) => (release = () => resolve(clientNamed('old')))),
    );
    const slow = r.clients.forAuth(CLIENT_ID);
    await Promise.resolve();
    r.clients.forget(CLIENT_ID); // the change's event, while the read was on its way
    table.row = clientNamed('new');
    release();
    expect((await slow).client.name).toBe('old');
    expect((await r.clients.forAuth(CLIENT_ID)).client.name).toBe('new');
  });
});

describe('DeleteUserPoolClient', () => {
  it('answers ResourceNotFoundException for a client not in the pool, deleting nothing and writing no event', async () => {
    const r = replica({ row: undefined });
    const { outbox, mock } = recordingOutbox();
    const del = new DeleteUserPoolClientUseCase(
      transactions,
      outbox,
      r.clientRows as unknown as AppClientsRepository,
      r.pools,
      r.clients,
    );
    expect(await errorName(del.execute({ UserPoolId: POOL_ID, ClientId: CLIENT_ID }, meta))).toBe(
      'ResourceNotFoundException',
    );
    expect(r.clientRows.delete).not.toHaveBeenCalled();
    expect(mock.add).not.toHaveBeenCalled();
  });

  it('refuses a malformed client id with InvalidParameterException before any read', async () => {
    const r = replica({ row: undefined });
    const { outbox } = recordingOutbox();
    const del = new DeleteUserPoolClientUseCase(
      transactions,
      outbox,
      r.clientRows as unknown as AppClientsRepository,
      r.pools,
      r.clients,
    );
    expect(await errorName(del.execute({ UserPoolId: POOL_ID, ClientId: 'a/b' }, meta))).toBe(
      'InvalidParameterException',
    );
    expect(r.clientRows.findInPoolForUpdate).not.toHaveBeenCalled();
  });
});
