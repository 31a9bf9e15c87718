import { KeyEncryption } from '@idfed/crypto';
import { ServiceError } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { AppClientEntity, UserPoolEntity } from '../database/entities';
import { poolConfigFromRequest } from '../pools/pool-config';
import { PoolsService } from '../pools/pools.service';
import { UserPoolsRepository } from '../pools/user-pools.repository';
import { SigningKeysService } from '../tokens/signing-keys.service';
import { AppClientsRepository } from './app-clients.repository';
import { clientConfigFromRequest } from './client-config';
import { ClientsService } from './clients.service';
import { CreateUserPoolClientUseCase } from './create-user-pool-client.use-case';
import { DescribeUserPoolClientUseCase } from './describe-user-pool-client.use-case';
import { ListUserPoolClientsUseCase } from './list-user-pool-clients.use-case';
import { PoolOAuthNamesReader } from './pool-oauth-names';

const POOL_ID = 'us-east-1_AbCdEf123';
const CLIENT_ID = 'abcdefghijklmnopqrstuvwxyz';
const tx = { unitOfWork: 'handle' } as unknown as Transaction;
const encryption = new KeyEncryption(Buffer.alloc(32, 7));
const noOAuthNames = { of: async () => Promise.resolve(undefined) } as unknown as PoolOAuthNamesReader;

const pool: UserPoolEntity = {
  id: POOL_ID,
  name: 'pool',
  config: poolConfigFromRequest({ PoolName: 'pool' }, 'arn'),
  createdAt: new Date(0),
  updatedAt: new Date(0),
};

function client(secret?: string): AppClientEntity {
  return {
    id: CLIENT_ID,
    poolId: POOL_ID,
    name: 'app',
    secretEnc: secret ? encryption.seal(Buffer.from(secret), CLIENT_ID) : null,
    config: clientConfigFromRequest({ UserPoolId: POOL_ID, ClientName: 'app' }),
    createdAt: new Date(0),
    updatedAt: new Date(0),
  };
}

/** The repositories as the client use cases see them: every query mocked. */
function fixture(foundPool: UserPoolEntity | undefined, foundClient: AppClientEntity | undefined) {
  const poolRows = { find: jest.fn().mockResolvedValue(foundPool) };
  const clientRows = {
    insert: jest.fn().mockResolvedValue(undefined),
    find: jest.fn().mockResolvedValue(foundClient),
    findInPool: jest.fn().mockResolvedValue(foundClient),
    page: jest.fn(),
    secrets: jest.fn().mockResolvedValue([]),
    insertSecret: jest.fn().mockResolvedValue(undefined),
  };
  const transactions = { run: jest.fn((work: (t: Transaction) => Promise<unknown>) => work(tx)) };
  const typedPoolRows = poolRows as unknown as UserPoolsRepository;
  const typedClientRows = clientRows as unknown as AppClientsRepository;
  const pools = new PoolsService(typedPoolRows, { forgetPool: jest.fn() } as unknown as SigningKeysService);
  const clients = new ClientsService(typedClientRows, typedPoolRows, pools, encryption);
  return {
    poolRows,
    clientRows,
    transactions,
    typedClientRows,
    typedTransactions: transactions as unknown as Transactions,
    pools,
    clients,
  };
}

async function errorName(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (err: ServiceError) => err.errorName,
  );
}

describe('CreateUserPoolClient', () => {
  it('inserts the client under the locked pool, its secret sealed to its id', async () => {
    const f = fixture(pool, undefined);
    const useCase = new CreateUserPoolClientUseCase(
      f.typedTransactions,
      f.typedClientRows,
      f.pools,
      encryption,
      noOAuthNames,
    );
    const { UserPoolClient } = await useCase.execute({
      UserPoolId: POOL_ID,
      ClientName: 'app',
      GenerateSecret: true,
    });
    expect(f.poolRows.find).toHaveBeenCalledWith(POOL_ID, tx, true);
    const [row, inTx] = f.clientRows.insert.mock.calls[0] as [AppClientEntity, Transaction];
    expect(inTx).toBe(tx);
    expect(row.id).toBe(UserPoolClient.ClientId);
    expect(encryption.open(row.secretEnc!, row.id).toString('utf8')).toBe(UserPoolClient.ClientSecret);
    // The same sealed secret is the client's first accepted one, its original (ADR 0074).
    expect(f.clientRows.insertSecret).toHaveBeenCalledWith(
      {
        id: `${row.id}--${row.createdAt.getTime()}`,
        clientId: row.id,
        secretEnc: row.secretEnc,
        original: true,
        createdAt: row.createdAt,
      },
      tx,
    );
  });

  it('answers ResourceNotFoundException and inserts nothing when the pool is gone', async () => {
    const f = fixture(undefined, undefined);
    const useCase = new CreateUserPoolClientUseCase(
      f.typedTransactions,
      f.typedClientRows,
      f.pools,
      encryption,
      noOAuthNames,
    );
    expect(await errorName(useCase.execute({ UserPoolId: POOL_ID, ClientName: 'app' }))).toBe(
      'ResourceNotFoundException',
    );
    expect(f.clientRows.insert).not.toHaveBeenCalled();
  });
});

describe('DescribeUserPoolClient', () => {
  it('answers the client of the pool with its secret opened', async () => {
    const f = fixture(pool, client('s3cret'));
    const useCase = new DescribeUserPoolClientUseCase(f.typedClientRows, f.pools, f.clients);
    const { UserPoolClient } = await useCase.execute({ UserPoolId: POOL_ID, ClientId: CLIENT_ID });
    expect(f.clientRows.findInPool).toHaveBeenCalledWith(POOL_ID, CLIENT_ID);
    expect(UserPoolClient.ClientSecret).toBe('s3cret');
  });

  it('tells a missing pool from a missing client, as Cognito does', async () => {
    const noPool = fixture(undefined, undefined);
    const noClient = fixture(pool, undefined);
    const describe = (f: ReturnType<typeof fixture>) =>
      new DescribeUserPoolClientUseCase(f.typedClientRows, f.pools, f.clients).execute({
        UserPoolId: POOL_ID,
        ClientId: CLIENT_ID,
      });
    await expect(describe(noPool)).rejects.toMatchObject({ message: `User pool ${POOL_ID} does not exist.` });
    await expect(describe(noClient)).rejects.toMatchObject({
      message: `User pool client ${CLIENT_ID} does not exist.`,
    });
  });
});

describe('ListUserPoolClients', () => {
  it("pages the pool's clients after the token's key, 60 at most by default", async () => {
    const f = fixture(pool, undefined);
    f.clientRows.page.mockResolvedValue({ page: [client()], next: CLIENT_ID });
    const useCase = new ListUserPoolClientsUseCase(f.typedClientRows, f.pools);
    const first = await useCase.execute({ UserPoolId: POOL_ID });
    expect(f.clientRows.page).toHaveBeenLastCalledWith(POOL_ID, undefined, 60);
    expect(first.UserPoolClients).toEqual([{ ClientId: CLIENT_ID, UserPoolId: POOL_ID, ClientName: 'app' }]);
    await useCase.execute({ UserPoolId: POOL_ID, MaxResults: 5, NextToken: first.NextToken });
    expect(f.clientRows.page).toHaveBeenLastCalledWith(POOL_ID, CLIENT_ID, 5);
  });
});

describe('ClientsService.forAuth', () => {
  it('looks a client and its pool up once, then answers from its cache until the pool is deleted', async () => {
    const f = fixture(pool, client());
    expect((await f.clients.forAuth(CLIENT_ID)).pool).toBe(pool);
    await f.clients.forAuth(CLIENT_ID);
    expect(f.clientRows.find).toHaveBeenCalledTimes(1);
    expect(f.poolRows.find).toHaveBeenCalledWith(POOL_ID);
    f.pools.forgetDeleted(POOL_ID);
    await f.clients.forAuth(CLIENT_ID);
    expect(f.clientRows.find).toHaveBeenCalledTimes(2);
  });

  it('answers ResourceNotFoundException for an unknown client', async () => {
    const f = fixture(pool, undefined);
    expect(await errorName(f.clients.forAuth(CLIENT_ID))).toBe('ResourceNotFoundException');
  });
});
