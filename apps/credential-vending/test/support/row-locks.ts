import { DataSource } from 'typeorm';
import { eventually } from '../../../../libs/testing/src/eventually';

/**
 * Holds the rows a `SELECT ... FOR UPDATE` names in a transaction of the test's own until
 * `release()`: operations that need them queue behind it, in the order they arrive, which makes
 * one interleaving of two racing operations happen every time.
 */
export async function holdRows(
  ds: DataSource,
  select: string,
  params: unknown[],
): Promise<{ release: () => Promise<void> }> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  const rows = (await runner.query(`${select} FOR UPDATE`, params)) as unknown[];
  if (rows.length === 0) throw new Error(`holdRows: nothing to hold for ${select}`);
  return {
    release: async () => {
      await runner.rollbackTransaction();
      await runner.release();
    },
  };
}

/** Waits until `count` sessions of this database wait for a lock (the operations started have queued). */
export async function lockWaiters(ds: DataSource, count: number): Promise<void> {
  await eventually(async () => {
    const [{ waiting }] = await ds.query<{ waiting: number }[]>(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (waiting < count) throw new Error(`${waiting} of ${count} sessions wait for a lock`);
  });
}
