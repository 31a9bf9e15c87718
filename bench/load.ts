import { Agent, request } from 'node:http';

/**
 * A closed-loop HTTP load generator for AWS JSON 1.1 calls: `concurrency` workers, each sending
 * its next prebuilt body as soon as the previous answer arrived, over keep-alive connections.
 * node:http (not fetch) keeps the generator's own CPU cost low, which matters when it shares the
 * machine's cores with the system it measures.
 */

export interface Reply {
  status: number;
  body: string;
  /** x-amzn-ErrorType, or the socket error code when there was no response. */
  error?: string;
}

export interface AwsJsonClient {
  call(target: string, body: Buffer | string): Promise<Reply>;
  close(): void;
}

export function awsJsonClient(endpoint: string, maxSockets: number, timeoutMs = 30_000): AwsJsonClient {
  const url = new URL(endpoint);
  const agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  return {
    call(target, body) {
      const payload = typeof body === 'string' ? Buffer.from(body) : body;
      return new Promise<Reply>((resolve) => {
        const req = request(
          {
            agent,
            host: url.hostname,
            port: url.port,
            path: '/',
            method: 'POST',
            headers: {
              'content-type': 'application/x-amz-json-1.1',
              'x-amz-target': target,
              'content-length': payload.length,
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('error', (err: NodeJS.ErrnoException) =>
              resolve({ status: 0, body: '', error: err.code }),
            );
            res.on('end', () => {
              const errorType = res.headers['x-amzn-errortype'];
              resolve({
                status: res.statusCode ?? 0,
                body: Buffer.concat(chunks).toString('utf8'),
                ...(errorType ? { error: String(errorType).replace(/:.*$/, '') } : {}),
              });
            });
          },
        );
        req.setTimeout(timeoutMs, () =>
          req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })),
        );
        req.on('error', (err: NodeJS.ErrnoException) =>
          resolve({ status: 0, body: '', error: err.code ?? err.message }),
        );
        req.end(payload);
      });
    },
    close: () => agent.destroy(),
  };
}

export interface LoadSpec {
  endpoint: string;
  target: string;
  /** Prebuilt request bodies, used round-robin. */
  bodies: Buffer[];
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  /** What counts as a success besides HTTP 200 (e.g. the body carries tokens). */
  accept?: (reply: Reply) => boolean;
  /** Checked before every call: true stops the phase early (e.g. the system under test died). */
  abort?: () => boolean;
  /** Called when the measured window opens and when it closes (CPU sampling). */
  window?: { start(): void; stop(): void };
}

export interface LoadResult {
  target: string;
  concurrency: number;
  /** Measured window, milliseconds. */
  windowMs: number;
  ok: number;
  /** Failures in the window, by status and error type. */
  errors: Record<string, number>;
  opsPerS: number;
  meanMs: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
}

function percentile(sorted: Float64Array, count: number, p: number): number {
  if (count === 0) return NaN;
  return sorted[Math.min(count - 1, Math.floor((p / 100) * count))];
}

/**
 * Warm-up, then a measured window: only calls that complete inside the window count. Every worker
 * stops issuing when the window closes, and every call is bounded by the client's timeout.
 */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const client = awsJsonClient(spec.endpoint, spec.concurrency);
  const accept = spec.accept ?? (() => true);
  // Generous: at most one latency per completed call in the window.
  let latencies = new Float64Array(1 << 16);
  let ok = 0;
  const errors: Record<string, number> = {};
  let next = 0;
  const t0 = performance.now();
  const windowStart = t0 + spec.warmupMs;
  const windowEnd = windowStart + spec.durationMs;
  let opened = false;
  let closed = false;
  const openTimer = setTimeout(() => {
    opened = true;
    spec.window?.start();
  }, spec.warmupMs);
  const closeTimer = setTimeout(() => {
    closed = true;
    spec.window?.stop();
  }, spec.warmupMs + spec.durationMs);

  const worker = async () => {
    while (performance.now() < windowEnd && !spec.abort?.()) {
      const body = spec.bodies[next++ % spec.bodies.length];
      const started = performance.now();
      const reply = await client.call(spec.target, body);
      const ended = performance.now();
      if (ended < windowStart || ended >= windowEnd) continue;
      if (reply.status === 200 && accept(reply)) {
        if (ok === latencies.length) {
          const bigger = new Float64Array(latencies.length * 2);
          bigger.set(latencies);
          latencies = bigger;
        }
        latencies[ok++] = ended - started;
      } else {
        const key = `${reply.status} ${reply.error ?? (reply.status === 200 ? 'unexpected body' : 'no error type')}`;
        errors[key] = (errors[key] ?? 0) + 1;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: spec.concurrency }, worker));
  } finally {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    if (opened && !closed) spec.window?.stop();
    client.close();
  }
  const measured = latencies.subarray(0, ok).sort();
  const total = measured.reduce((a, b) => a + b, 0);
  return {
    target: spec.target,
    concurrency: spec.concurrency,
    windowMs: spec.durationMs,
    ok,
    errors,
    opsPerS: ok / (spec.durationMs / 1000),
    meanMs: ok ? total / ok : NaN,
    p50Ms: percentile(measured, ok, 50),
    p90Ms: percentile(measured, ok, 90),
    p99Ms: percentile(measured, ok, 99),
    maxMs: ok ? measured[ok - 1] : NaN,
  };
}
