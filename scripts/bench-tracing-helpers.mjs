// The CPU that idfed's tracing helpers (libs/observability/src/tracing.ts) cost per request, apart
// from the rest of idfed: one process per setting, a request's shape replayed N times (the
// gateway's root span and its context, the bus client's span, the service's span continued from
// the message headers, three SQL statements, the outbox's traceparent), awaits between the hops so
// the async-context manager does its work. Prints microseconds of this process's CPU per request.
//
//   node scripts/bench-tracing-helpers.mjs [--dist=dist] [--requests=50000]
//   (OTEL_EXPORTER_OTLP_ENDPOINT / OTEL_TRACES_SAMPLER / _ARG set as for idfed; spans are exported
//   to the endpoint, so point it at a sink that answers 200)
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);
const dist = resolve(args.dist ?? 'dist');
const requests = Number(args.requests ?? 50_000);
const require = createRequire(import.meta.url);
const t = require(`${dist}/libs/observability/src/tracing.js`);
const SERVER = 1;
const CLIENT = 2;

t.startTracing('bench-tracing-helpers');

async function sql() {
  const traced = t.insideSpan()
    ? t.startSpan('SQL bench', CLIENT, { 'db.system.name': 'postgresql', 'db.namespace': 'bench' })
    : undefined;
  await Promise.resolve();
  traced?.span.end();
}

async function request(i) {
  const root = t.startSpan('POST gateway', SERVER, { 'idfed.request_id': String(i) });
  await t.runIn(root?.context, () =>
    t.withSpan('user-directory X', CLIENT, { 'idfed.service': 'user-directory' }, async () => {
      const headers = t.injectTraceHeaders({ 'idfed-pattern': 'x' });
      await Promise.resolve();
      await t.withSpan(
        'user-directory X',
        SERVER,
        { 'idfed.service': 'user-directory', 'idfed.operation': 'X' },
        async () => {
          for (let s = 0; s < 3; s++) await sql();
          t.injectTraceHeaders({});
        },
        t.traceContextOf(headers),
      );
    }),
  );
  root?.span.end();
}

async function run(n) {
  for (let i = 0; i < n; i++) await request(i);
}

await run(Math.min(5_000, requests)); // warm-up
const cpu0 = process.cpuUsage();
const wall0 = process.hrtime.bigint();
await run(requests);
const cpu = process.cpuUsage(cpu0);
const wallMs = Number(process.hrtime.bigint() - wall0) / 1e6;
const us = (cpu.user + cpu.system) / requests;
console.log(
  JSON.stringify({
    setting: process.env.OTEL_EXPORTER_OTLP_ENDPOINT ? (process.env.OTEL_TRACES_SAMPLER ?? 'default') : 'off',
    ratio: process.env.OTEL_TRACES_SAMPLER_ARG,
    dist: args.dist ?? 'dist',
    requests,
    cpuMicrosPerRequest: Number(us.toFixed(2)),
    wallMs: Math.round(wallMs),
  }),
);
await t.stopTracing();
process.exit(0);
