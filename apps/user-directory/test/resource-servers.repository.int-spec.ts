import { ResourceServersRepository } from '../src/resource-servers/resource-servers.repository';
import { UserDirectoryTestDatabase } from './support/user-directory-database';

/** Resource servers on PostgreSQL: unique per pool, their scopes as clients name them, gone with the pool. */
describe('ResourceServersRepository on PostgreSQL', () => {
  let db: UserDirectoryTestDatabase;
  let servers: ResourceServersRepository;
  const poolId = 'us-east-1_RsRepo01';

  beforeAll(async () => {
    db = await UserDirectoryTestDatabase.create('rs');
    await db.pool(poolId);
    servers = new ResourceServersRepository(db.dataSource);
  });
  afterAll(() => db.drop());

  it('names the scopes <identifier>/<scope>, refuses a second identifier and cascades', async () => {
    const now = new Date();
    const server = (identifier: string, scopes: string[]) => ({
      poolId,
      identifier,
      name: identifier,
      scopes: scopes.map((ScopeName) => ({ ScopeName, ScopeDescription: ScopeName })),
      createdAt: now,
      updatedAt: now,
    });
    await db.dataSource.transaction((tx) =>
      servers.insert(server('https://api.test', ['read', 'write']), tx),
    );
    await db.dataSource.transaction((tx) => servers.insert(server('billing', ['pay']), tx));
    await expect(
      db.dataSource.transaction((tx) => servers.insert(server('billing', []), tx)),
    ).rejects.toThrow();
    expect((await servers.scopesOf(poolId)).sort()).toEqual([
      'billing/pay',
      'https://api.test/read',
      'https://api.test/write',
    ]);
    await db.dataSource.query(`DELETE FROM user_directory.user_pools WHERE id = $1`, [poolId]);
    expect(await servers.scopesOf(poolId)).toEqual([]);
  });
});
