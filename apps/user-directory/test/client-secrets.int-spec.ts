import { CommandMeta } from '@idfed/contracts';
import { KeyEncryption } from '@idfed/crypto';
import { ServiceError } from '@idfed/messaging';
import { AddUserPoolClientSecretUseCase } from '../src/clients/add-user-pool-client-secret.use-case';
import { AppClientsRepository } from '../src/clients/app-clients.repository';
import { ClientsService } from '../src/clients/clients.service';
import { CreateUserPoolClientUseCase } from '../src/clients/create-user-pool-client.use-case';
import { DeleteUserPoolClientSecretUseCase } from '../src/clients/delete-user-pool-client-secret.use-case';
import { DescribeUserPoolClientUseCase } from '../src/clients/describe-user-pool-client.use-case';
import { ListUserPoolClientSecretsUseCase } from '../src/clients/list-user-pool-client-secrets.use-case';
import { CreateUserPoolUseCase } from '../src/pools/create-user-pool.use-case';
import { PoolsTestDatabase } from './support/pools-test-database';
import { poolsTestModule } from './support/pools-test-module';

const meta = { requestId: 'int-spec' } as CommandMeta;

function outcome(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'ok',
    (err: unknown) => {
      if (err instanceof ServiceError) return err.errorName;
      throw err;
    },
  );
}

/**
 * Client secret rotation on a real PostgreSQL (ADR 0074): racing adds never leave more than two
 * secrets, racing deletes never leave none, and a stored secret opens only under its own client.
 */
describe('client secrets on PostgreSQL', () => {
  const db = new PoolsTestDatabase();
  let createPool: CreateUserPoolUseCase;
  let createClient: CreateUserPoolClientUseCase;
  let add: AddUserPoolClientSecretUseCase;
  let list: ListUserPoolClientSecretsUseCase;
  let del: DeleteUserPoolClientSecretUseCase;
  let describe_: DescribeUserPoolClientUseCase;
  let rows: AppClientsRepository;
  let clients: ClientsService;
  let encryption: KeyEncryption;

  beforeAll(async () => {
    const module = await poolsTestModule(await db.create(), [
      AddUserPoolClientSecretUseCase,
      ListUserPoolClientSecretsUseCase,
      DeleteUserPoolClientSecretUseCase,
    ]);
    createPool = module.get(CreateUserPoolUseCase);
    createClient = module.get(CreateUserPoolClientUseCase);
    add = module.get(AddUserPoolClientSecretUseCase);
    list = module.get(ListUserPoolClientSecretsUseCase);
    del = module.get(DeleteUserPoolClientSecretUseCase);
    describe_ = module.get(DescribeUserPoolClientUseCase);
    rows = module.get(AppClientsRepository);
    clients = module.get(ClientsService);
    encryption = module.get(KeyEncryption);
  });

  afterAll(() => db.drop());

  async function confidential(): Promise<{ poolId: string; clientId: string; secret: string }> {
    const { UserPool } = await createPool.execute({ PoolName: 'secrets-pool' }, meta);
    const { UserPoolClient } = await createClient.execute({
      UserPoolId: UserPool.Id,
      ClientName: 'confidential',
      GenerateSecret: true,
    });
    return { poolId: UserPool.Id, clientId: UserPoolClient.ClientId, secret: UserPoolClient.ClientSecret! };
  }

  it('lets one of eight racing adds through: two secrets, both accepted', async () => {
    const c = await confidential();
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () =>
        outcome(add.execute({ UserPoolId: c.poolId, ClientId: c.clientId }, meta)),
      ),
    );
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'LimitExceededException')).toHaveLength(7);
    const { ClientSecrets } = await list.execute({ UserPoolId: c.poolId, ClientId: c.clientId });
    expect(ClientSecrets).toHaveLength(2);
    clients.forget(c.clientId);
    const auth = await clients.forAuth(c.clientId);
    expect(auth.secrets).toHaveLength(2);
    expect(auth.secrets![0]).toBe(c.secret);
  });

  it('lets one of two racing deletes through: the last secret stays', async () => {
    const c = await confidential();
    await add.execute({ UserPoolId: c.poolId, ClientId: c.clientId }, meta);
    const ids = (await list.execute({ UserPoolId: c.poolId, ClientId: c.clientId })).ClientSecrets!.map(
      (s) => s.ClientSecretId!,
    );
    const outcomes = await Promise.all(
      ids.map((ClientSecretId) =>
        outcome(del.execute({ UserPoolId: c.poolId, ClientId: c.clientId, ClientSecretId }, meta)),
      ),
    );
    expect(outcomes.sort()).toEqual(['InvalidParameterException', 'ok']);
    expect((await list.execute({ UserPoolId: c.poolId, ClientId: c.clientId })).ClientSecrets).toHaveLength(
      1,
    );
  });

  it('seals each secret to its client, and clears the shown secret with the original', async () => {
    const c = await confidential();
    const chosen = 'chosen_secret_value_0123456789';
    await add.execute({ UserPoolId: c.poolId, ClientId: c.clientId, ClientSecret: chosen }, meta);
    const stored = await rows.secrets(c.clientId);
    expect(stored.map((s) => s.original)).toEqual([true, false]);
    expect(stored.every((s) => !s.secretEnc.includes(Buffer.from(chosen)))).toBe(true);
    expect(encryption.open(stored[1].secretEnc, c.clientId).toString('utf8')).toBe(chosen);
    expect(() => encryption.open(stored[1].secretEnc, `${c.clientId.slice(1)}x`)).toThrow();

    await del.execute({ UserPoolId: c.poolId, ClientId: c.clientId, ClientSecretId: stored[0].id }, meta);
    const { UserPoolClient } = await describe_.execute({ UserPoolId: c.poolId, ClientId: c.clientId });
    expect(UserPoolClient.ClientSecret).toBeUndefined();
    clients.forget(c.clientId);
    expect((await clients.forAuth(c.clientId)).secrets).toEqual([chosen]);
  });
});
