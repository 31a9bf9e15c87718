import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ProbeFiles, PROBE_INTERVAL_MS, startProbeFiles } from '@idfed/service-runtime';
import { eventually } from '../../testing/src/eventually';

const ROOT = join(__dirname, '..', '..', '..');

/** Runs the exec probe the deployment uses; its exit code. */
function probe(dir: string, kind: 'live' | 'ready', maxAgeMs: number): number {
  try {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'probe-file.mjs'), kind, String(maxAgeMs)], {
      env: { ...process.env, IDFED_PROBE_DIR: dir },
      stdio: 'ignore',
    });
    return 0;
  } catch (err) {
    return (err as { status?: number }).status ?? -1;
  }
}

async function until(condition: () => boolean): Promise<void> {
  await eventually(() => expect(condition()).toBe(true), { timeoutMs: 30_000 });
}

/**
 * A service's exec probes against a real PostgreSQL: live and ready while its database answers;
 * when the database goes away, still live (a restart would not help) but no longer ready.
 */
describe('service probe files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'idfed-probes-'));
  let ds: DataSource;
  let probes: ProbeFiles;

  beforeAll(async () => {
    ds = new DataSource({ type: 'postgres', url: process.env.IDFED_TEST_DATABASE_URL });
    await ds.initialize();
    probes = startProbeFiles(dir, ds);
  });
  afterAll(async () => {
    probes.stop();
    if (ds.isInitialized) await ds.destroy();
  });

  it('is live and ready while the database answers, live but not ready once it does not', async () => {
    await until(() => probe(dir, 'live', 60_000) === 0 && probe(dir, 'ready', 60_000) === 0);
    await ds.destroy();
    // Two beats later the ready file is older than one beat, the live file is not.
    await until(() => probe(dir, 'ready', PROBE_INTERVAL_MS) === 1);
    await until(() => probe(dir, 'live', PROBE_INTERVAL_MS * 2) === 0);
    expect(probe(dir, 'ready', PROBE_INTERVAL_MS)).toBe(1);
    expect(probe(dir, 'missing' as 'live', 1)).toBe(2);
  }, 60_000);
});
