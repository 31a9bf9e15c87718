import { Gauge } from 'prom-client';
import { metricsRegistry } from './metrics';

/** A reading taken when Prometheus scrapes, rather than kept up to date on every change. */
export type ScrapeProbe = () => Promise<void> | void;

/** A scrape must answer even when PostgreSQL does not: a probe that takes longer is skipped. */
const PROBE_TIMEOUT_MS = 1000;

const outboxProbes = new Map<string, ScrapeProbe>();
const poolProbes = new Map<string, ScrapeProbe>();

export const outboxBacklog = new Gauge({
  name: 'idfed_outbox_backlog_events',
  help: 'Events written to an outbox and not yet relayed to the bus, by schema',
  labelNames: ['schema'] as const,
  // prom-client runs a metric's collect() when the registry is read: the readers run then.
  collect: () => runAll(outboxProbes),
  registers: [metricsRegistry],
});

export const outboxOldestAge = new Gauge({
  name: 'idfed_outbox_oldest_event_age_seconds',
  help: 'Age of the oldest event waiting in an outbox (0 when empty), by schema',
  labelNames: ['schema'] as const,
  collect: () => runAll(outboxProbes),
  registers: [metricsRegistry],
});

export const dbPoolConnections = new Gauge({
  name: 'idfed_db_pool_connections',
  help: 'Connections of a service database pool, by schema and state (idle, busy)',
  labelNames: ['schema', 'state'] as const,
  collect: () => runAll(poolProbes),
  registers: [metricsRegistry],
});

export const dbPoolWaiting = new Gauge({
  name: 'idfed_db_pool_waiting_requests',
  help: 'Queries waiting for a free connection of a service database pool, by schema',
  labelNames: ['schema'] as const,
  collect: () => runAll(poolProbes),
  registers: [metricsRegistry],
});

export const dbPoolMax = new Gauge({
  name: 'idfed_db_pool_max_connections',
  help: 'Size limit of a service database pool, by schema',
  labelNames: ['schema'] as const,
  collect: () => runAll(poolProbes),
  registers: [metricsRegistry],
});

/**
 * Registers how to read one schema's outbox (depth, and age of its oldest row) at scrape time.
 * Returns the function that unregisters it and drops its series (the relay stopped).
 */
export function probeOutbox(
  schema: string,
  read: () => Promise<{ backlog: number; oldestAgeSeconds: number }>,
): () => void {
  outboxProbes.set(schema, async () => {
    const { backlog, oldestAgeSeconds } = await read();
    outboxBacklog.set({ schema }, backlog);
    outboxOldestAge.set({ schema }, oldestAgeSeconds);
  });
  return () => {
    outboxProbes.delete(schema);
    outboxBacklog.remove({ schema });
    outboxOldestAge.remove({ schema });
  };
}

export interface PoolReading {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

/** Registers how to read a schema's connection pool at scrape time; returns its unregistration. */
export function probePool(schema: string, read: () => PoolReading | undefined): () => void {
  poolProbes.set(schema, () => {
    const pool = read();
    if (!pool) return;
    dbPoolConnections.set({ schema, state: 'idle' }, pool.idle);
    dbPoolConnections.set({ schema, state: 'busy' }, Math.max(0, pool.total - pool.idle));
    dbPoolWaiting.set({ schema }, pool.waiting);
    dbPoolMax.set({ schema }, pool.max);
  });
  return () => {
    poolProbes.delete(schema);
    for (const state of ['idle', 'busy']) dbPoolConnections.remove({ schema, state });
    dbPoolWaiting.remove({ schema });
    dbPoolMax.remove({ schema });
  };
}

/** One reading per scrape: the gauges of a family share it, however many ask at once. */
const inFlight = new WeakMap<Map<string, ScrapeProbe>, Promise<void>>();

function runAll(probes: Map<string, ScrapeProbe>): Promise<void> {
  let run = inFlight.get(probes);
  if (!run) {
    run = readAll(probes).finally(() => inFlight.delete(probes));
    inFlight.set(probes, run);
  }
  return run;
}

async function readAll(probes: Map<string, ScrapeProbe>): Promise<void> {
  await Promise.all(
    [...probes.values()].map(async (probe) => {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          probe(),
          new Promise((resolve) => {
            timer = setTimeout(resolve, PROBE_TIMEOUT_MS);
            timer.unref();
          }),
        ]);
      } catch {
        // The database is away: the gauges keep their last reading, and the health check says why.
      } finally {
        clearTimeout(timer);
      }
    }),
  );
}
