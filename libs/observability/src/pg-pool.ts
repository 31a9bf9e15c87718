import { dbQueryDuration, secondsSince } from './metrics';
import { probePool } from './scrape-probes';
import { insideSpan, SpanKind, startSpan } from './tracing';
import { SpanStatusCode } from '@opentelemetry/api';

/** What idfed reads of a node-postgres `Pool` (TypeORM's `driver.master`). */
export interface PgPoolLike {
  on(event: 'acquire', listener: (client: PgClientLike) => void): unknown;
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

export interface PgClientLike {
  query: (...args: unknown[]) => unknown;
}

const timed = new WeakSet<object>();

/**
 * Times every statement of the pool's connections (`idfed_db_query_duration_seconds`) and reads the
 * pool's use at scrape time. Connections are wrapped when first checked out, so those opened before
 * this call are covered too. Neither the statement nor its parameters are looked at.
 * Returns the function that stops the pool readings (the data source is closed).
 */
export function instrumentPgPool(pool: PgPoolLike, schema: string): () => void {
  pool.on('acquire', (client) => {
    if (timed.has(client)) return;
    timed.add(client);
    const query = client.query.bind(client);
    client.query = (...args: unknown[]): unknown => {
      const started = process.hrtime.bigint();
      // Inside a traced request, the statement is a span of it (named by schema, never its text).
      const traced = insideSpan()
        ? startSpan(`SQL ${schema}`, SpanKind.CLIENT, {
            'db.system.name': 'postgresql',
            'db.namespace': schema,
          })
        : undefined;
      const done = (outcome: 'ok' | 'error') => {
        dbQueryDuration.observe({ schema, outcome }, secondsSince(started));
        if (traced) {
          if (outcome === 'error') traced.span.setStatus({ code: SpanStatusCode.ERROR });
          traced.span.end();
        }
      };
      const last = args[args.length - 1];
      if (typeof last === 'function') {
        const callback = last as (err: unknown, ...rest: unknown[]) => void;
        args[args.length - 1] = (err: unknown, ...rest: unknown[]) => {
          done(err ? 'error' : 'ok');
          callback(err, ...rest);
        };
        return query(...args);
      }
      const result = query(...args);
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        (result as Promise<unknown>).then(
          () => done('ok'),
          () => done('error'),
        );
      }
      return result;
    };
  });
  return probePool(schema, () => ({
    total: pool.totalCount,
    idle: pool.idleCount,
    waiting: pool.waitingCount,
    max: pool.options?.max ?? 10,
  }));
}
