import { randomUUID } from 'node:crypto';
import { ManagedLoginBrandingsRepository } from '../src/managed-login/managed-login-brandings.repository';
import { TermsRepository, TermsRow } from '../src/managed-login/terms.repository';
import { UserDirectoryTestDatabase } from './support/user-directory-database';

/**
 * Managed login branding and terms on PostgreSQL (ADR 0082): one style a client and one terms
 * document of each name, whoever races; images kept by Category and ColorMode; another pool's ids
 * reach nothing; a client's deletion takes its style and terms with it.
 */
describe('managed login repositories on PostgreSQL', () => {
  let db: UserDirectoryTestDatabase;
  let brandings: ManagedLoginBrandingsRepository;
  let terms: TermsRepository;
  const poolId = 'us-east-1_MlbRepo01';
  const otherPool = 'us-east-1_MlbRepo02';
  const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]);

  const client = async (pool: string): Promise<string> => {
    const id = `c${randomUUID().replace(/-/g, '').slice(0, 20)}`;
    await db.dataSource.query(
      `INSERT INTO user_directory.app_clients (id, pool_id, name, config) VALUES ($1, $2, 'web', '{}')`,
      [id, pool],
    );
    return id;
  };
  const branding = (clientId: string) => ({
    id: randomUUID(),
    poolId,
    clientId,
    useCognitoProvidedValues: false,
    settings: { components: { form: { lightMode: { backgroundColor: 'ffffffff' } } } },
    createdAt: new Date(),
    updatedAt: new Date(),
  });
  const termsRow = (clientId: string, termsName: string, createdAt = new Date()): TermsRow => ({
    id: randomUUID(),
    poolId,
    clientId,
    termsName,
    termsSource: 'LINK',
    enforcement: 'NONE',
    links: { 'cognito:default': `https://example.com/${termsName}` },
    createdAt,
    updatedAt: createdAt,
  });

  beforeAll(async () => {
    db = await UserDirectoryTestDatabase.create('managed_login');
    for (const id of [poolId, otherPool]) await db.pool(id);
    brandings = new ManagedLoginBrandingsRepository(db.dataSource);
    terms = new TermsRepository(db.dataSource);
  });
  afterAll(() => db.drop());

  it('lets one of eight racing styles for a client win, with its images', async () => {
    const clientId = await client(poolId);
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () =>
        db.dataSource.transaction((tx) =>
          brandings.insert(
            branding(clientId),
            [{ category: 'FORM_LOGO', colorMode: 'LIGHT', extension: 'PNG', bytes: PNG }],
            tx,
          ),
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
    const found = (await brandings.findByClient(poolId, clientId))!;
    expect(found.settings).toEqual({ components: { form: { lightMode: { backgroundColor: 'ffffffff' } } } });
    expect(await brandings.assetsOf(found.id)).toEqual([
      { category: 'FORM_LOGO', colorMode: 'LIGHT', extension: 'PNG', bytes: PNG, resourceId: null },
    ]);
    // Another pool's id reaches nothing.
    expect(await brandings.findById(otherPool, found.id)).toBeUndefined();
    expect(await brandings.asset(otherPool, found.id, 'FORM_LOGO', 'LIGHT')).toBeUndefined();
    expect(await brandings.delete(otherPool, found.id)).toBe(false);
    expect((await brandings.asset(poolId, found.id, 'FORM_LOGO', 'LIGHT'))?.bytes).toEqual(PNG);
  });

  it('replaces images by Category and ColorMode, an image without bytes keeping the stored ones', async () => {
    const clientId = await client(poolId);
    const row = branding(clientId);
    await db.dataSource.transaction((tx) => brandings.insert(row, [], tx));
    await db.dataSource.transaction(async (tx) => {
      await brandings.putAssets(
        row.id,
        [{ category: 'FORM_LOGO', colorMode: 'LIGHT', extension: 'PNG', bytes: PNG }],
        tx,
      );
      await brandings.putAssets(
        row.id,
        [{ category: 'FORM_LOGO', colorMode: 'LIGHT', extension: 'PNG', resourceId: 'logo' }],
        tx,
      );
      expect(await brandings.assetBytes(row.id, tx)).toBe(PNG.length);
    });
    expect(await brandings.assetsOf(row.id)).toEqual([
      { category: 'FORM_LOGO', colorMode: 'LIGHT', extension: 'PNG', bytes: PNG, resourceId: 'logo' },
    ]);
    expect((await brandings.assetsOf(row.id, false))[0].bytes).toBeNull();
  });

  it('keeps one terms document of each name a client, races included, and pages them in creation order', async () => {
    const clientId = await client(poolId);
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () => terms.insert(termsRow(clientId, 'terms-of-use'))),
    );
    expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
    const privacy = termsRow(clientId, 'privacy-policy', new Date(Date.now() + 1000));
    expect(await terms.insert(privacy)).toBe('created');
    expect(await terms.update({ ...privacy, termsName: 'terms-of-use' })).toBe('exists');
    expect(await terms.update({ ...privacy, poolId: otherPool })).toBe('gone');
    expect((await terms.findById(poolId, privacy.id))?.termsName).toBe('privacy-policy');

    const all = (await terms.page(poolId, undefined, 60)).page.filter((t) => t.clientId === clientId);
    expect(all.map((t) => t.termsName)).toEqual(['terms-of-use', 'privacy-policy']);
    const first = await terms.page(poolId, undefined, 1);
    expect(first.next).toMatch(/^\d+:[0-9a-f-]{36}$/);
    const rest = await terms.page(poolId, first.next, 60);
    expect(rest.page.map((t) => t.id)).not.toContain(first.page[0].id);
    expect(rest.page).toHaveLength((await terms.page(poolId, undefined, 60)).page.length - 1);
  });

  it('goes with its client', async () => {
    const clientId = await client(poolId);
    const row = branding(clientId);
    await db.dataSource.transaction((tx) =>
      brandings.insert(row, [{ category: 'FORM_LOGO', colorMode: 'DARK', extension: 'PNG', bytes: PNG }], tx),
    );
    const doc = termsRow(clientId, 'terms-of-use');
    await terms.insert(doc);
    await db.dataSource.query(`DELETE FROM user_directory.app_clients WHERE id = $1`, [clientId]);
    expect(await brandings.findById(poolId, row.id)).toBeUndefined();
    expect(await brandings.assetsOf(row.id)).toEqual([]);
    expect(await terms.findById(poolId, doc.id)).toBeUndefined();
  });
});
