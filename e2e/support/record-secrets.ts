// Jest setup file of the e2e project: every secret a spec sends to idfed or receives from it is
// recorded, so the last spec (secrets-never-logged) can check that none reached an app's log.
// It listens at the HTTP client layer, so every client is covered: the AWS SDK (node:http), the
// amazon-cognito-identity-js (node-fetch, over node:http) and global fetch.
import { appendFileSync } from 'node:fs';
import http, { ClientRequest, IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { MIN_SECRET_LENGTH, secretsInBody } from './secret-names';

interface SystemInfo {
  endpoint: string;
  workDir: string;
}

/** Where a run's recorded secrets go (one JSON object per line); read by the last spec. */
export function recordedSecretsFile(workDir: string): string {
  return join(workDir, 'e2e-secrets.jsonl');
}

export function recordSecret(workDir: string, name: string, value: string, source: string): void {
  if (value.length < MIN_SECRET_LENGTH) return;
  appendFileSync(recordedSecretsFile(workDir), `${JSON.stringify({ name, value, source })}\n`);
}

function recordBody(system: SystemInfo, body: string, source: string): void {
  for (const { name, value } of secretsInBody(body)) recordSecret(system.workDir, name, value, source);
}

function headerSecrets(system: SystemInfo, headers: OutgoingHttpHeaders | undefined): void {
  const token = headers?.['x-amz-security-token'] ?? headers?.['X-Amz-Security-Token'];
  if (typeof token === 'string') recordSecret(system.workDir, 'x-amz-security-token', token, 'header');
}

function isToSystem(system: SystemInfo, args: unknown[]): boolean {
  const target = new URL(system.endpoint);
  const first = args[0];
  if (typeof first === 'string' || first instanceof URL) return new URL(String(first)).host === target.host;
  const options = first as { host?: string; hostname?: string; port?: number | string } | undefined;
  const host = options?.hostname ?? options?.host;
  return host !== undefined && String(options?.port) === target.port && host.startsWith('127.0.0.1');
}

function captureResponse(system: SystemInfo, res: IncomingMessage): void {
  const chunks: Buffer[] = [];
  const emit = res.emit.bind(res);
  // Wrapping emit sees the body without adding a 'data' listener, which would change the stream's
  // flowing mode under the client that owns it.
  res.emit = ((event: string | symbol, ...rest: unknown[]) => {
    if (event === 'data') chunks.push(Buffer.from(rest[0] as Buffer));
    if (event === 'end') recordBody(system, Buffer.concat(chunks).toString('utf8'), 'response');
    return emit(event, ...rest);
  }) as typeof res.emit;
}

function captureRequest(system: SystemInfo, req: ClientRequest): void {
  const chunks: Buffer[] = [];
  const take = (chunk: unknown) => {
    if (typeof chunk === 'string' || Buffer.isBuffer(chunk) || chunk instanceof Uint8Array) {
      chunks.push(Buffer.from(chunk as Buffer));
    }
  };
  const write = req.write.bind(req) as (...a: unknown[]) => boolean;
  const end = req.end.bind(req) as (...a: unknown[]) => ClientRequest;
  req.write = ((...a: unknown[]) => {
    take(a[0]);
    return write(...a);
  }) as typeof req.write;
  req.end = ((...a: unknown[]) => {
    if (typeof a[0] !== 'function') take(a[0]);
    recordBody(system, Buffer.concat(chunks).toString('utf8'), 'request');
    return end(...a);
  }) as typeof req.end;
  req.once('response', (res: IncomingMessage) => captureResponse(system, res));
}

/** node:http is shared by every spec file of a run (Jest gives each its own globals, not its own core modules). */
const INSTALLED = Symbol.for('idfed.e2e.recordSecrets');

function install(system: SystemInfo): void {
  installFetch(system);
  const shared = http as unknown as Record<symbol, boolean>;
  if (shared[INSTALLED]) return;
  shared[INSTALLED] = true;
  const original = http.request;
  http.request = (...args: unknown[]) => {
    const req = (original as (...a: unknown[]) => ClientRequest)(...args);
    if (isToSystem(system, args)) {
      const options = (typeof args[0] === 'object' && !(args[0] instanceof URL) ? args[0] : args[1]) as
        { headers?: OutgoingHttpHeaders } | undefined;
      headerSecrets(system, options?.headers);
      captureRequest(system, req);
    }
    return req;
  };
}

/**
 * Whether a fetch call names a header, read without building a `Headers` (which throws on the
 * values the fuzz suite sends on purpose, such as a lone surrogate; fetch itself should be the one
 * to refuse them).
 */
function hasHeader(headers: RequestInit['headers'], name: string): boolean {
  if (!headers) return false;
  if (headers instanceof Headers) return headers.has(name);
  const names = Array.isArray(headers) ? headers.map(([key]) => key) : Object.keys(headers);
  return names.some((key) => key.toLowerCase() === name);
}

function installFetch(system: SystemInfo): void {
  const originalFetch = globalThis.fetch;
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    // The fuzz suite's generated requests (raw-aws.ts UNRECORDED_HEADER) carry no secrets.
    const generated = hasHeader(init?.headers, 'x-idfed-e2e-unrecorded');
    const toSystem = url.host === new URL(system.endpoint).host && !generated;
    if (toSystem && typeof init?.body === 'string') recordBody(system, init.body, 'request');
    const res = await originalFetch(input, init);
    if (toSystem) recordBody(system, await res.clone().text(), 'response');
    return res;
  };
}

const raw = process.env.IDFED_E2E_SYSTEM;
if (raw) install(JSON.parse(raw) as SystemInfo);
