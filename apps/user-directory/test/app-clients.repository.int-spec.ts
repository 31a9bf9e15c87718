import { CommandMeta } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { AppClientsRepository } from '../src/clients/app-clients.repository';
import { ClientsService } from '../src/clients/clients.service';
import { CreateUserPoolClientUseCase } from '../src/clients/create-user-pool-client.use-case';
import { DescribeUserPoolClientUseCase } from '../src/clients/describe-user-pool-client.use-case';
import { ListUserPoolClientsUseCase } from '../src/clients/list-user-pool-clients.use-case';
import { AppClientEntity } from '../src/database/entities';
import { CreateUserPoolUseCase } from '../src/pools/create-user-pool.use-case';
import { PoolsTestDatabase } from './support/pools-test-database';
import { poolsTestModule } from './support/pools-test-module';

const meta = { requestId: 'int-spec' } as CommandMeta;

function errorName(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'ok',
    (err: unknown) => {
      if (err instanceof ServiceError) return err.errorName;
      throw err;
    },
  );
}

/** The app clients aggregate on a real PostgreSQL: pages per pool, lookups, sealed secrets. */
describe('AppClientsRepository on PostgreSQL', () => {
  const db = new PoolsTestDatabase();
  let clients: AppClientsRepository;
  let createPool: CreateUserPoolUseCase;
  let createClient: CreateUserPoolClientUseCase;
  let describeClient: DescribeUserPoolClientUseCase;
  let listClients: ListUserPoolClientsUseCase;
  let clientsService: ClientsService;

  beforeAll(async () => {
    const module = await poolsTestModule(await db.create());
    clients = module.get(AppClientsRepository);
    createPool = module.get(CreateUserPoolUseCase);
    createClient = module.get(CreateUserPoolClientUseCase);
    describeClient = module.get(DescribeUserPoolClientUseCase);
    listClients = module.get(ListUserPoolClientsUseCase);
    clientsService = module.get(ClientsService);
  });

  afterAll(() => db.drop());

  async function newPool(): Promise<string> {
    const { UserPool } = await createPool.execute({ PoolName: 'clients-pool' }, meta);
    return UserPool.Id;
  }

  it("pages through a pool's clients that tie on name and time, each once, and no other pool's", async () => {
    const poolId = await newPool();
    const other = await newPool();
    const template = (await clients.find(
      (await createClient.execute({ UserPoolId: poolId, ClientName: 'same' })).UserPoolClient.ClientId,
    ))!;
    const same = new Date('2030-01-01T00:00:00Z');
    const ids = [template.id];
    for (let i = 0; i < 6; i++) {
      const id = `tie${i}${template.id.slice(4)}`;
      const row: AppClientEntity = { ...template, id, createdAt: same, updatedAt: same };
      await clients.insert(row);
      ids.push(id);
    }
    await createClient.execute({ UserPoolId: other, ClientName: 'same' });
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const answer = await listClients.execute({
        UserPoolId: poolId,
        MaxResults: 3,
        ...(token ? { NextToken: token } : {}),
      });
      expect(answer.UserPoolClients.length).toBeLessThanOrEqual(3);
      for (const c of answer.UserPoolClients) expect(c.UserPoolId).toBe(poolId);
      seen.push(...answer.UserPoolClients.map((c) => c.ClientId));
      token = answer.NextToken;
    } while (token);
    expect(seen).toEqual([...ids].sort());
  });

  it('describes a client only in its own pool, with its secret opened', async () => {
    const poolId = await newPool();
    const other = await newPool();
    const created = (
      await createClient.execute({ UserPoolId: poolId, ClientName: 'sec', GenerateSecret: true })
    ).UserPoolClient;
    const stored = (await clients.find(created.ClientId))!;
    // Sealed at rest: the secret's text is not in the column.
    expect(stored.secretEnc!.includes(Buffer.from(created.ClientSecret!))).toBe(false);
    const described = await describeClient.execute({ UserPoolId: poolId, ClientId: created.ClientId });
    expect(described.UserPoolClient.ClientSecret).toBe(created.ClientSecret);
    expect(await errorName(describeClient.execute({ UserPoolId: other, ClientId: created.ClientId }))).toBe(
      'ResourceNotFoundException',
    );
    expect(await clients.findInPool(other, created.ClientId)).toBeUndefined();
  });

  it('looks a client up for sign-in with its pool, and refuses one that does not exist', async () => {
    const poolId = await newPool();
    const created = (await createClient.execute({ UserPoolId: poolId, ClientName: 'auth' })).UserPoolClient;
    const auth = await clientsService.forAuth(created.ClientId);
    expect(auth.client.id).toBe(created.ClientId);
    expect(auth.pool.id).toBe(poolId);
    expect(auth.secret).toBeUndefined();
    expect(await errorName(clientsService.forAuth('nosuchclient0000000000000a'))).toBe(
      'ResourceNotFoundException',
    );
  });
});
