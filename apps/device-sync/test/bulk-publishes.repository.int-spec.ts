import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { BulkPublishesRepository } from '../src/streams/bulk-publishes.repository';
import { DeviceSyncTestDatabase } from './support/device-sync-test-database';

/**
 * Bulk publishes on a real PostgreSQL: of many callers starting one pool's bulk publish at once,
 * exactly one starts it; a failed or abandoned one may start again, a success only after a day.
 */
describe('BulkPublishesRepository on PostgreSQL', () => {
  const db = new DeviceSyncTestDatabase('bulk');
  let ds: DataSource;
  let repository: BulkPublishesRepository;
  const newPool = () => `us-east-1:${randomUUID()}`;
  const now = new Date('2026-01-02T00:00:00Z');
  const dayBefore = new Date(now.getTime() - 24 * 3600_000);
  const tenMinutesBefore = new Date(now.getTime() - 600_000);
  const claim = (pool: string, at = now) =>
    repository.claim(pool, at, new Date(at.getTime() - 24 * 3600_000), new Date(at.getTime() - 600_000));

  beforeAll(async () => {
    ds = await db.create(12);
    repository = new BulkPublishesRepository(ds);
  });

  afterAll(async () => {
    await db.drop();
  });

  it('lets exactly one of many callers start a pool’s bulk publish', async () => {
    const pool = newPool();
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => claim(pool)));
    expect(outcomes.filter((o) => o.claimed)).toHaveLength(1);
    for (const lost of outcomes.filter((o) => !o.claimed)) expect(lost.row?.status).toBe('IN_PROGRESS');
  });

  it('starts again after a failure or an abandoned run, and after a success only a day later', async () => {
    const failed = newPool();
    await claim(failed);
    await repository.finish(failed, 'FAILED', now, 'boom');
    expect(await repository.find(failed)).toMatchObject({ status: 'FAILED', failureMessage: 'boom' });
    expect((await claim(failed)).claimed).toBe(true);
    expect(await repository.find(failed)).toMatchObject({ status: 'IN_PROGRESS', failureMessage: null });

    const abandoned = newPool();
    await claim(abandoned, new Date(tenMinutesBefore.getTime() - 1));
    expect((await claim(abandoned)).claimed).toBe(true);

    const succeeded = newPool();
    await claim(succeeded, dayBefore);
    await repository.finish(succeeded, 'SUCCEEDED', new Date(dayBefore.getTime() + 1000), null);
    const refused = await claim(succeeded);
    expect(refused).toMatchObject({ claimed: false, row: { status: 'SUCCEEDED' } });
    expect((await claim(succeeded, new Date(now.getTime() + 2000))).claimed).toBe(true);
  });
});
