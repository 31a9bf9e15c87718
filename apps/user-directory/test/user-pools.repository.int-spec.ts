import { randomUUID } from 'node:crypto';
import { CommandMeta, UserDirectoryTopics } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { CreateUserPoolClientUseCase } from '../src/clients/create-user-pool-client.use-case';
import { UserPoolEntity } from '../src/database/entities';
import { CreateUserPoolUseCase } from '../src/pools/create-user-pool.use-case';
import { DeleteUserPoolUseCase } from '../src/pools/delete-user-pool.use-case';
import { DescribeUserPoolUseCase } from '../src/pools/describe-user-pool.use-case';
import { ListUserPoolsUseCase } from '../src/pools/list-user-pools.use-case';
import { UserPoolsRepository } from '../src/pools/user-pools.repository';
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

/** The user pools aggregate on a real PostgreSQL: paging, the deletion's cascade, and its row lock. */
describe('UserPoolsRepository on PostgreSQL', () => {
  const db = new PoolsTestDatabase();
  let pools: UserPoolsRepository;
  let createPool: CreateUserPoolUseCase;
  let deletePool: DeleteUserPoolUseCase;
  let describePool: DescribeUserPoolUseCase;
  let listPools: ListUserPoolsUseCase;
  let createClient: CreateUserPoolClientUseCase;

  beforeAll(async () => {
    const module = await poolsTestModule(await db.create());
    pools = module.get(UserPoolsRepository);
    createPool = module.get(CreateUserPoolUseCase);
    deletePool = module.get(DeleteUserPoolUseCase);
    describePool = module.get(DescribeUserPoolUseCase);
    listPools = module.get(ListUserPoolsUseCase);
    createClient = module.get(CreateUserPoolClientUseCase);
  });

  afterAll(() => db.drop());

  async function newPool(extra: Record<string, unknown> = {}): Promise<string> {
    const { UserPool } = await createPool.execute({ PoolName: 'int-pool', ...extra }, meta);
    return UserPool.Id;
  }

  it('pages through pools that tie on name and time, each once, in id order', async () => {
    await db.dataSource.query('DELETE FROM user_directory.user_pools');
    const same = new Date('2030-01-01T00:00:00Z');
    const template = (await pools.find(await newPool()))!;
    await pools.delete(template.id);
    const ids = Array.from({ length: 7 }, (_, i) => `us-east-1_Tie${i}${randomUUID().slice(0, 5)}`);
    for (const id of ids) {
      const row: UserPoolEntity = { ...template, id, name: 'same', createdAt: same, updatedAt: same };
      await pools.insert(row);
    }
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const answer = await listPools.execute({ MaxResults: 2, ...(token ? { NextToken: token } : {}) });
      expect(answer.UserPools.length).toBeLessThanOrEqual(2);
      seen.push(...answer.UserPools.map((p) => p.Id));
      token = answer.NextToken;
      pages++;
    } while (token);
    expect(seen).toEqual([...ids].sort());
    expect(pages).toBe(4);
  });

  it('deletes a pool with its clients, users, groups, memberships and signing keys', async () => {
    const poolId = await newPool();
    const kept = await newPool();
    for (const id of [poolId, kept]) {
      await createClient.execute({ UserPoolId: id, ClientName: 'one' });
      await createClient.execute({ UserPoolId: id, ClientName: 'two', GenerateSecret: true });
      const sub = await db.insertUser(id, 'alice');
      await db.insertUser(id, 'bob');
      await db.dataSource.query(
        `INSERT INTO user_directory.groups (pool_id, name, created_at, updated_at) VALUES ($1, 'admins', now(), now())`,
        [id],
      );
      await db.dataSource.query(
        `INSERT INTO user_directory.user_groups (pool_id, group_name, user_sub, created_at) VALUES ($1, 'admins', $2, now())`,
        [id, sub],
      );
    }
    const tables = ['app_clients', 'users', 'groups', 'user_groups', 'signing_keys'];
    const counts = async (id: string) =>
      Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await db.count(t, id)])));
    const before = { app_clients: 2, users: 2, groups: 1, user_groups: 1, signing_keys: 1 };
    expect(await counts(poolId)).toEqual(before);
    expect((await describePool.execute({ UserPoolId: poolId })).UserPool.EstimatedNumberOfUsers).toBe(2);

    await deletePool.execute({ UserPoolId: poolId }, meta);

    expect(await pools.find(poolId)).toBeUndefined();
    expect(await counts(poolId)).toEqual({
      app_clients: 0,
      users: 0,
      groups: 0,
      user_groups: 0,
      signing_keys: 0,
    });
    expect(await counts(kept)).toEqual(before);
    const events = await db.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM user_directory.outbox WHERE topic = $1 AND key = $2`,
      [UserDirectoryTopics.userPoolDeleted, poolId],
    );
    expect(Number(events[0].n)).toBe(1);
  });

  it('keeps a deletion-protected pool, and writes no event for it', async () => {
    const poolId = await newPool({ DeletionProtection: 'ACTIVE' });
    await createClient.execute({ UserPoolId: poolId, ClientName: 'one' });
    expect(await outcome(deletePool.execute({ UserPoolId: poolId }, meta))).toBe('InvalidParameterException');
    expect(await pools.find(poolId)).toBeDefined();
    expect(await db.count('app_clients', poolId)).toBe(1);
    const events = await db.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM user_directory.outbox WHERE topic = $1 AND key = $2`,
      [UserDirectoryTopics.userPoolDeleted, poolId],
    );
    expect(Number(events[0].n)).toBe(0);
  });

  it('clients created while their pool is deleted are refused or deleted with it, never orphaned', async () => {
    const poolId = await newPool();
    const creations = Array.from({ length: 8 }, (_, i) =>
      outcome(createClient.execute({ UserPoolId: poolId, ClientName: `racer-${i}` })),
    );
    const deletion = outcome(deletePool.execute({ UserPoolId: poolId }, meta));
    const results = await Promise.all([...creations, deletion]);
    expect(results[results.length - 1]).toBe('ok');
    // Each creation committed before the deletion took the pool's lock, or found the pool gone after.
    for (const r of results.slice(0, -1)) expect(['ok', 'ResourceNotFoundException']).toContain(r);
    expect(await db.count('app_clients', poolId)).toBe(0);
    expect(await outcome(createClient.execute({ UserPoolId: poolId, ClientName: 'late' }))).toBe(
      'ResourceNotFoundException',
    );
  });

  it('answers ResourceNotFoundException for a pool that does not exist', async () => {
    expect(await outcome(describePool.execute({ UserPoolId: 'us-east-1_Missing00' }))).toBe(
      'ResourceNotFoundException',
    );
    expect(await outcome(deletePool.execute({ UserPoolId: 'us-east-1_Missing00' }, meta))).toBe(
      'ResourceNotFoundException',
    );
  });
});
