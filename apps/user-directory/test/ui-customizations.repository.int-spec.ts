import { UiCustomizationsRepository } from '../src/ui-customization/ui-customizations.repository';
import { UserDirectoryTestDatabase } from './support/user-directory-database';

/** UI customizations on PostgreSQL: an upsert keeps the creation date; a client falls back to ALL. */
describe('UiCustomizationsRepository on PostgreSQL', () => {
  let db: UserDirectoryTestDatabase;
  let looks: UiCustomizationsRepository;
  const poolId = 'us-east-1_UiRepo001';

  beforeAll(async () => {
    db = await UserDirectoryTestDatabase.create('ui');
    await db.pool(poolId);
    looks = new UiCustomizationsRepository(db.dataSource);
  });
  afterAll(() => db.drop());

  it('replaces a look in place and answers the pool look for a client without one', async () => {
    const at = (iso: string) => new Date(iso);
    const row = (clientId: string, css: string, when: string) => ({
      poolId,
      clientId,
      css,
      image: Buffer.from([1, 2, 3]),
      imageType: 'image/png',
      createdAt: at(when),
      updatedAt: at(when),
    });
    await looks.upsert(row('ALL', '.a{}', '2026-01-01T00:00:00Z'));
    const replaced = await looks.upsert(row('ALL', '.b{}', '2026-02-01T00:00:00Z'));
    expect(replaced.createdAt.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(await looks.effective(poolId, 'client1')).toMatchObject({ clientId: 'ALL', css: '.b{}' });
    await looks.upsert(row('client1', '.c{}', '2026-03-01T00:00:00Z'));
    const own = await looks.effective(poolId, 'client1');
    expect(own).toMatchObject({ clientId: 'client1', css: '.c{}' });
    expect(own!.image).toEqual(Buffer.from([1, 2, 3]));
  });
});
