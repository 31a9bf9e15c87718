import { IdentityProviderEntity } from '../src/database/entities';
import { IdentityProvidersRepository } from '../src/providers/identity-providers.repository';
import { UserDirectoryTestDatabase } from './support/user-directory-database';

/**
 * Identity providers on PostgreSQL: identifiers unique in a pool (the key refuses a second holder
 * even when no caller checked first), kept in their given order, replaced by an update, and gone
 * with their provider or pool.
 */
describe('IdentityProvidersRepository on PostgreSQL', () => {
  let db: UserDirectoryTestDatabase;
  let providers: IdentityProvidersRepository;
  const poolId = 'us-east-1_IdpRepo1';
  const otherPool = 'us-east-1_IdpRepo2';

  function provider(pool: string, name: string): IdentityProviderEntity {
    const now = new Date();
    return {
      poolId: pool,
      name,
      type: 'OIDC',
      details: { client_id: name },
      secretsEnc: Buffer.from('sealed'),
      attributeMapping: { username: 'sub' },
      samlMetadata: null,
      createdAt: now,
      updatedAt: now,
    };
  }

  beforeAll(async () => {
    db = await UserDirectoryTestDatabase.create('idps');
    await db.pool(poolId);
    await db.pool(otherPool);
    providers = new IdentityProvidersRepository(db.dataSource);
  });
  afterAll(() => db.drop());

  it('keeps identifiers in order, unique per pool, and replaces them on update', async () => {
    await db.dataSource.transaction((tx) => providers.insert(provider(poolId, 'One'), ['z', 'a', 'm'], tx));
    expect((await providers.find(poolId, 'One'))!.identifiers).toEqual(['z', 'a', 'm']);
    await expect(
      db.dataSource.transaction((tx) => providers.insert(provider(poolId, 'Two'), ['a'], tx)),
    ).rejects.toThrow();
    expect(await providers.find(poolId, 'Two')).toBeUndefined();
    // The same identifier in another pool is another key.
    await db.dataSource.transaction((tx) => providers.insert(provider(otherPool, 'One'), ['a'], tx));
    expect((await providers.findByIdentifier(otherPool, 'a'))!.provider.poolId).toBe(otherPool);

    await db.dataSource.transaction(async (tx) => {
      await providers.insert(provider(poolId, 'Two'), ['b'], tx);
      expect(await providers.identifiersTaken(poolId, ['a', 'b', 'q'], 'Two', tx)).toEqual(['a']);
      await providers.update(poolId, 'Two', { updatedAt: new Date() }, ['q', 'b'], tx);
    });
    expect((await providers.find(poolId, 'Two'))!.identifiers).toEqual(['q', 'b']);
    expect(await providers.count(poolId)).toBe(2);
  });

  it('pages in name order and deletes a provider with its identifiers', async () => {
    const first = await providers.page(poolId, undefined, 1);
    expect(first.page.map((p) => p.name)).toEqual(['One']);
    const second = await providers.page(poolId, first.next, 1);
    expect(second.page.map((p) => p.name)).toEqual(['Two']);
    expect(second.next).toBeUndefined();
    expect(await providers.delete(poolId, 'One')).toBe(true);
    expect(await providers.delete(poolId, 'One')).toBe(false);
    expect(await providers.findByIdentifier(poolId, 'z')).toBeUndefined();
    expect(await providers.findByIdentifier(otherPool, 'a')).toBeDefined();
  });
});
