import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * A local stand-in for the HTTP endpoints idfed calls in place of a Cognito Sync trigger Lambda
 * (ADRs 0016, 0023). It checks every call as a receiver should, with its own code: the HMAC-SHA256
 * signature over `v2\n<timestamp>\n<id>\n<function>\n<body>` under the key of the path's
 * endpoint (each path is its own receiver), a timestamp within 5 minutes and a
 * call id never seen before; a call that fails is answered 401 and kept aside. It records the
 * events it accepted and answers as a Lambda would, by path:
 *
 * - `/award`: a game's referee. `score` above 100 is capped at `100` and earns an added `badge`
 *   record; records whose key starts with `cheat` are left out (ignored); a record `forbidden`
 *   makes it refuse the whole sync (an error, as a Lambda that throws).
 * - `/refuse`: always fails (HTTP 500 with a Lambda-like error body).
 * - `/retarget`: answers the event rewritten for another identity.
 * - `/garbage`: answers text that is not JSON.
 * - `/slow`: answers only after `slowMs` (past idfed's timeout).
 * - `/busy`: HTTP 429, as a throttled Lambda.
 * - `/hold`: answers as `/award` once someone sends `POST /release` (unsigned: a test's control).
 */
export interface SyncTriggerStandin {
  /** The base URL; a function's endpoint is `<url>/<path>`. */
  url: string;
  close(): Promise<void>;
}

export interface RecordedTriggerCall {
  path: string;
  functionArn: string;
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  event: Record<string, unknown>;
}

export interface RejectedTriggerCall {
  path: string;
  reason: string;
}

const WINDOW_S = 300;

type Records = Record<string, { oldValue?: string | null; newValue?: string | null; op: string }>;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function header(req: IncomingMessage, name: string): string {
  const v = req.headers[name];
  return typeof v === 'string' ? v : '';
}

/**
 * `keyOf(name)`: the key the receiver at `/<name>` was given (ADR 0023: each endpoint holds only
 * its own key, derived from the operator's secret by `npm run sync-trigger-key -- <name>`).
 */
export async function startSyncTriggerStandin(
  keyOf: (functionName: string) => Buffer,
  slowMs = 30_000,
): Promise<SyncTriggerStandin> {
  const accepted: RecordedTriggerCall[] = [];
  const rejected: RejectedTriggerCall[] = [];
  const seen = new Map<string, number>();
  const held: (() => void)[] = [];

  function verify(req: IncomingMessage, path: string, body: string): string | undefined {
    const id = header(req, 'x-idfed-trigger-id');
    const timestamp = header(req, 'x-idfed-timestamp');
    const functionArn = header(req, 'x-idfed-function');
    const signature = header(req, 'x-idfed-signature');
    if (!id || !/^\d+$/.test(timestamp) || !functionArn || !signature.startsWith('v2=')) return 'unsigned';
    const now = Math.floor(Date.now() / 1000);
    if (Math.abs(now - Number(timestamp)) > WINDOW_S) return 'stale timestamp';
    const expected = createHmac('sha256', keyOf(path.slice(1)))
      .update(`v2\n${timestamp}\n${id}\n${functionArn}\n${body}`)
      .digest();
    const given = Buffer.from(signature.slice(3), 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad signature';
    for (const [old, at] of seen) if (now - at > WINDOW_S) seen.delete(old);
    if (seen.has(id)) return 'replayed';
    seen.set(id, now);
    return undefined;
  }

  function answerAsLambda(path: string, event: Record<string, unknown>, res: ServerResponse): void {
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(typeof value === 'string' ? value : JSON.stringify(value));
    };
    const records = { ...(event.datasetRecords as Records) };
    switch (path) {
      case '/award': {
        if ('forbidden' in records) {
          return json(500, { errorType: 'Error', errorMessage: 'forbidden record' });
        }
        for (const key of Object.keys(records)) if (key.startsWith('cheat')) delete records[key];
        const score = records.score;
        if (score?.op === 'replace' && Number(score.newValue) > 100) {
          records.score = { ...score, newValue: '100' };
          records.badge = { newValue: 'gold', op: 'replace' };
        }
        return json(200, { ...event, datasetRecords: records });
      }
      case '/refuse':
        return json(500, { errorType: 'Error', errorMessage: 'refused' });
      case '/retarget':
        return json(200, { ...event, identityId: `${String(event.identityPoolId).split(':')[0]}:ffffffff` });
      case '/garbage':
        return json(200, 'this is not the event');
      case '/busy':
        return json(429, { message: 'Rate exceeded' });
      default:
        return json(404, { message: 'no such function' });
    }
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://standin');
    if (req.method === 'GET' && url.pathname === '/calls') {
      const identityId = url.searchParams.get('identityId');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          accepted: accepted.filter((c) => !identityId || c.event.identityId === identityId),
          rejected,
        }),
      );
      return;
    }
    if (req.method === 'POST' && url.pathname === '/release') {
      for (const answer of held.splice(0)) answer();
      res.writeHead(204);
      res.end();
      return;
    }
    void readBody(req).then((body) => {
      const refusal = verify(req, url.pathname, body);
      if (refusal) {
        rejected.push({ path: url.pathname, reason: refusal });
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: refusal }));
        return;
      }
      const event = JSON.parse(body) as Record<string, unknown>;
      accepted.push({
        path: url.pathname,
        functionArn: header(req, 'x-idfed-function'),
        id: header(req, 'x-idfed-trigger-id'),
        timestamp: header(req, 'x-idfed-timestamp'),
        signature: header(req, 'x-idfed-signature'),
        body,
        event,
      });
      if (url.pathname === '/hold') {
        held.push(() => answerAsLambda('/award', event, res));
        return;
      }
      if (url.pathname === '/slow') {
        const timer = setTimeout(() => answerAsLambda('/award', event, res), slowMs);
        res.on('close', () => clearTimeout(timer));
        return;
      }
      answerAsLambda(url.pathname, event, res);
    });
  });
  const url = await new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`),
    ),
  );
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
