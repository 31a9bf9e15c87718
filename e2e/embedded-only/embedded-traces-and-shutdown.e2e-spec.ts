import { chmodSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { ROOT_CONTEXT } from '@opentelemetry/api';
import { SamplingDecision, TraceIdRatioBasedSampler } from '@opentelemetry/sdk-trace-node';
import {
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolCommand,
  GetGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { UserDirectoryTopics } from '@idfed/contracts';
import { eventually } from '../../libs/testing/src/eventually';
import { OtlpReceiver, ReceivedSpan, startOtlpReceiver } from '../../libs/testing/src/otlp-receiver';
import { freePort, startApp, StartedProcess, stopApp, tail, waitForHealthy } from '../support/processes';

/** OTLP's span kinds, as numbers in the JSON encoding. */
const SERVER = 2;
const CLIENT = 3;
const CONSUMER = 5;
const RATIO = 0.5;

/**
 * `npm start`'s process as this spec's own child, with tracing on at a sampling ratio of 0.5
 * (`parentbased_traceidratio`) exporting to a real OTLP/HTTP receiver on loopback:
 * - each SDK call's trace is kept whole (gateway -> command -> handler -> SQL -> the in-process
 *   bus's consumer of the event it wrote) or dropped whole (not one span), as the ratio sampler
 *   decides by the trace id that the access log line names;
 * - then SIGTERM under a load of SDK calls: the process exits 0, every acknowledged call is there
 *   after a restart, and what failed failed only from the stop on, without a status (refused
 *   connections, which the SDKs retry) and did nothing.
 */
describe('the embedded launcher: traces sampled whole, and graceful shutdown under load', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'idfed-embedded-own-'));
  chmodSync(workDir, 0o755);
  const spansFile = join(workDir, 'otlp-spans.jsonl');
  let receiver: OtlpReceiver;
  let env: Record<string, string>;
  let endpoint: string;
  let idfed: StartedProcess;
  let admin: CognitoIdentityProviderClient;

  async function start(): Promise<void> {
    idfed = startApp('embedded', env, workDir);
    await waitForHealthy(endpoint, [idfed]);
    const key = JSON.parse(readFileSync(join(workDir, 'data', 'admin-credentials.json'), 'utf8')) as {
      accessKeyId: string;
      secretAccessKey: string;
    };
    admin?.destroy();
    admin = new CognitoIdentityProviderClient({
      endpoint,
      region: 'us-east-1',
      credentials: key,
      maxAttempts: 1,
    });
  }

  function spans(): ReceivedSpan[] {
    try {
      return readFileSync(spansFile, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as ReceivedSpan);
    } catch {
      return [];
    }
  }

  /** The trace id the access log line of a request names (written for kept and dropped traces). */
  function traceIdOfRequest(requestId: string): string {
    const lines = readFileSync(idfed.logFile, 'utf8')
      .split('\n')
      .filter((l) => l.includes(requestId) && l.includes('"msg":"request"'))
      .map((l) => JSON.parse(l) as { traceId?: string });
    expect(lines).toHaveLength(1);
    expect(lines[0].traceId).toMatch(/^[0-9a-f]{32}$/);
    return lines[0].traceId!;
  }

  beforeAll(async () => {
    receiver = await startOtlpReceiver(spansFile);
    const port = await freePort();
    endpoint = `http://127.0.0.1:${port}`;
    env = {
      IDFED_HTTP_PORT: String(port),
      IDFED_WS_PORT: '0',
      IDFED_GRPC_PORT: '0',
      IDFED_PUBLIC_URL: endpoint,
      IDFED_DATA_DIR: join(workDir, 'data'),
      IDFED_EMBEDDED_PG_PORT: String(await freePort()),
      IDFED_ADMIN_ACCESS_KEY_ID: '',
      IDFED_ADMIN_SECRET_ACCESS_KEY: '',
      IDFED_KEY_ENCRYPTION_KEY: '',
      // The load below is one admin key's; the admin limits are not what is tested here.
      IDFED_RATE_LIMITS: '*=10000',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: String(RATIO),
    };
    await start();
  }, 180_000);

  afterAll(async () => {
    admin?.destroy();
    await stopApp(idfed);
    await receiver?.close();
  }, 60_000);

  it('keeps or drops each trace whole, from the gateway to SQL and the in-process event consumer', async () => {
    // Calls until both outcomes were drawn at least twice (at 0.5, almost always within 12).
    const expected = new TraceIdRatioBasedSampler(RATIO);
    const calls: { requestId: string; traceId: string; kept: boolean }[] = [];
    while (
      calls.length < 40 &&
      (calls.filter((c) => c.kept).length < 2 || calls.filter((c) => !c.kept).length < 2)
    ) {
      const created = await admin.send(new CreateUserPoolCommand({ PoolName: `traced-${randomUUID()}` }));
      const requestId = created.$metadata.requestId!;
      const traceId = await eventually(() => traceIdOfRequest(requestId));
      const kept =
        expected.shouldSample(ROOT_CONTEXT, traceId).decision === SamplingDecision.RECORD_AND_SAMPLED;
      calls.push({ requestId, traceId, kept });
    }
    const kept = calls.filter((c) => c.kept);
    const dropped = calls.filter((c) => !c.kept);
    expect(kept.length).toBeGreaterThanOrEqual(2);
    expect(dropped.length).toBeGreaterThanOrEqual(2);

    // Every kept trace is there whole, with its parent links.
    for (const call of kept) {
      const trace = await eventually(
        () => {
          const all = spans().filter((s) => s.traceId === call.traceId);
          const gateway = all.find(
            (s) => s.kind === SERVER && s.attributes['idfed.request_id'] === call.requestId,
          );
          const command = all.find((s) => s.kind === CLIENT && s.name === 'user-directory CreateUserPool');
          const handler = all.find((s) => s.kind === SERVER && s.name === 'user-directory CreateUserPool');
          const sql = all.filter((s) => s.name === 'SQL user_directory');
          const event = all.find(
            (s) =>
              s.kind === CONSUMER &&
              s.attributes['idfed.service'] === 'federation-broker' &&
              s.attributes['messaging.destination.name'] === UserDirectoryTopics.signingKeyActivated,
          );
          if (!gateway || !command || !handler || sql.length === 0 || !event)
            throw new Error(`trace ${call.traceId} incomplete: ${all.map((s) => s.name).join(', ')}`);
          return { all, gateway, command, handler, sql, event };
        },
        { timeoutMs: 20_000 },
      );
      expect(trace.gateway.name).toBe('POST CreateUserPool');
      expect(trace.gateway.parentSpanId).toBeUndefined();
      expect(trace.command.parentSpanId).toBe(trace.gateway.spanId);
      expect(trace.handler.parentSpanId).toBe(trace.command.spanId);
      expect(trace.event.name).toBe(`federation-broker ${UserDirectoryTopics.signingKeyActivated}`);
      const below = new Set([trace.handler.spanId]);
      for (const s of trace.all) if (s.parentSpanId && below.has(s.parentSpanId)) below.add(s.spanId);
      expect(trace.sql.some((s) => below.has(s.parentSpanId!))).toBe(true);
      // The event's consumer hangs off the request (the outbox kept its traceparent), and no span
      // of the trace is orphaned.
      const ids = new Set(trace.all.map((s) => s.spanId));
      for (const s of trace.all)
        if (s.spanId !== trace.gateway.spanId)
          expect({ span: s.name, parentFound: ids.has(s.parentSpanId!) }).toEqual({
            span: s.name,
            parentFound: true,
          });
      for (const s of trace.sql)
        expect(Object.keys(s.attributes).sort()).toEqual(['db.namespace', 'db.system.name']);
    }

    // A dropped trace left nothing, not even its event's consumer: by the time a kept trace made
    // after it is complete, the exports of the dropped one (had there been any) came before.
    const received = spans();
    for (const call of dropped)
      expect({
        traceId: call.traceId,
        spans: received.filter((s) => s.traceId === call.traceId).length,
      }).toEqual({
        traceId: call.traceId,
        spans: 0,
      });
    // No event consumer started a trace of its own for a dropped request's event.
    const consumerRoots = received.filter(
      (s) =>
        s.kind === CONSUMER &&
        s.attributes['messaging.destination.name'] === UserDirectoryTopics.signingKeyActivated &&
        !calls.some((c) => c.traceId === s.traceId),
    );
    expect(consumerRoots).toEqual([]);
    console.log(
      `embedded tracing at ratio ${RATIO}: ${calls.length} CreateUserPool calls, ${kept.length} traces kept whole ` +
        `(${received.length} spans), ${dropped.length} dropped with no span`,
    );
  });

  it('exits 0 on SIGTERM under load; what was acknowledged is there after a restart', async () => {
    const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: 'graceful-embedded' }));
    const poolId = UserPool!.Id!;
    const acknowledged: string[] = [];
    const failures: { group: string; name: string; code?: string; status?: number; at: number }[] = [];
    let stopAt = Number.POSITIVE_INFINITY;
    let loadOn = true;
    let n = 0;
    const worker = async () => {
      while (loadOn) {
        const name = `e-${n++}`;
        try {
          await admin.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: name }));
          acknowledged.push(name);
        } catch (err) {
          const e = err as {
            name: string;
            code?: string;
            message: string;
            cause?: { code?: string };
            $metadata?: { httpStatusCode?: number };
          };
          failures.push({
            group: name,
            name: e.name,
            code: e.code ?? e.cause?.code ?? e.message,
            status: e.$metadata?.httpStatusCode,
            at: Date.now(),
          });
          // The server went away (no status): a client would retry elsewhere; the worker stops.
          if (e.$metadata?.httpStatusCode === undefined) return;
        }
      }
    };
    const workers = [worker(), worker(), worker(), worker()];
    await eventually(() => expect(acknowledged.length).toBeGreaterThanOrEqual(10), { timeoutMs: 30_000 });
    stopAt = Date.now();
    const exited = new Promise<number | null>((resolve) => idfed.child.once('exit', (code) => resolve(code)));
    idfed.child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([
      exited,
      new Promise<null>((r) => (timer = setTimeout(() => r(null), 30_000))),
    ]);
    clearTimeout(timer);
    const ms = Date.now() - stopAt;
    loadOn = false; // (if the process did not stop, its answers would keep the workers going)
    await Promise.all(workers);

    expect({ code, log: code === 0 ? '' : tail(idfed) }).toEqual({ code: 0, log: '' });
    expect(ms).toBeLessThan(25_000);
    // Refused or reset connections (no HTTP status: the SDKs retry those) or 5xx, and only after the stop.
    for (const f of failures) {
      expect({ name: f.name, retryable: f.status === undefined || f.status >= 500 }).toEqual({
        name: f.name,
        retryable: true,
      });
      expect(f.at).toBeGreaterThanOrEqual(stopAt);
    }
    expect(failures.length).toBeLessThanOrEqual(4);

    await start();
    for (const name of acknowledged)
      await admin.send(new GetGroupCommand({ UserPoolId: poolId, GroupName: name }));
    // A call that got no answer was never taken: nothing of it was done.
    for (const f of failures)
      if (f.status === undefined)
        await expect(
          admin.send(new GetGroupCommand({ UserPoolId: poolId, GroupName: f.group })),
        ).rejects.toMatchObject({
          name: 'ResourceNotFoundException',
        });
    console.log(
      `embedded launcher stopped in ${ms} ms under load: ${acknowledged.length} acknowledged, 0 lost, ` +
        `${failures.length} failed (${failures.map((f) => `${f.name}/${f.code ?? f.status}`).join(', ') || 'none'})`,
    );
  }, 180_000);
});
