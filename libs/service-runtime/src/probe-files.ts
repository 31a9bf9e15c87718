import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

/** How often a service refreshes its probe files; the probes allow several missed beats. */
export const PROBE_INTERVAL_MS = 5000;

export interface ProbeFiles {
  stop(): void;
}

/**
 * Services listen on no port, so their Kubernetes and Compose probes are exec probes that read two
 * files (deploy/k8s, docs/deployment.md):
 * - `<dir>/idfed-live`, rewritten every beat while the event loop turns (liveness);
 * - `<dir>/idfed-ready`, rewritten every beat while the service's database answers (readiness).
 * A probe passes while its file is younger than a few beats (scripts/probe-file.mjs).
 */
export function startProbeFiles(dir: string, dataSource: DataSource): ProbeFiles {
  mkdirSync(dir, { recursive: true });
  const beat = async () => {
    const now = `${new Date().toISOString()}\n`;
    writeFileSync(join(dir, 'idfed-live'), now);
    try {
      await dataSource.query('SELECT 1');
      writeFileSync(join(dir, 'idfed-ready'), now);
    } catch {
      // Not ready: the file ages and the readiness probe fails.
    }
  };
  // Fire and forget: beat() catches the database's failure (that is what the ready file reports);
  // a probe directory that cannot be written fails loudly, as an unhandled rejection.
  void beat();
  const timer = setInterval(() => void beat(), PROBE_INTERVAL_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
