import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import WebSocket from 'ws';

export interface DeviceCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface PresignOptions {
  region?: string;
  service?: string;
  expiresIn?: number;
  deviceId?: string;
  /** Sign for another path or host than the one connected to (attack tests). */
  path?: string;
  host?: string;
  signingDate?: Date;
}

/**
 * A presigned `ws://<host>/sync` URL, signed by the AWS SDK's own signer (@smithy/signature-v4) as
 * an app would: service cognito-sync, host the only signed header, the session token in the query.
 */
export async function presignSyncUrl(
  endpoint: string,
  credentials: DeviceCredentials,
  options: PresignOptions = {},
): Promise<string> {
  const url = new URL(endpoint);
  const host = options.host ?? url.host;
  const signer = new SignatureV4({
    service: options.service ?? 'cognito-sync',
    region: options.region ?? 'us-east-1',
    credentials,
    sha256: Sha256,
  });
  const signed = await signer.presign(
    {
      method: 'GET',
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: options.path ?? '/sync',
      query: options.deviceId ? { deviceId: options.deviceId } : {},
      headers: { host },
    },
    {
      expiresIn: options.expiresIn ?? 300,
      ...(options.signingDate ? { signingDate: options.signingDate } : {}),
    },
  );
  const query = Object.entries(signed.query ?? {})
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return `${url.protocol}//${url.host}/sync?${query}`;
}

/** A connected device: frames received so far, and a way to wait for one. */
export interface DeviceSocket {
  ws: WebSocket;
  frames: Record<string, unknown>[];
  send(message: unknown): void;
  /** Waits for a frame matching `predicate` (default: the next one not yet taken). */
  next(
    predicate?: (frame: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  closed: Promise<{ code: number; reason: string }>;
}

export type ConnectResult =
  { ok: true; socket: DeviceSocket } | { ok: false; status: number; body: string; requestId?: string };

/** Opens a websocket; a refused upgrade resolves with its HTTP status and body. */
export function connectDevice(url: string, options: WebSocket.ClientOptions = {}): Promise<ConnectResult> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, options);
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      const requestId = res.headers['x-amzn-requestid'];
      res.on('end', () =>
        resolve({
          ok: false,
          status: res.statusCode ?? 0,
          body,
          ...(typeof requestId === 'string' ? { requestId } : {}),
        }),
      );
    });
    ws.once('error', reject);
    ws.once('open', () => {
      ws.off('error', reject);
      ws.on('error', () => undefined);
      resolve({ ok: true, socket: wrap(ws) });
    });
  });
}

/** connectDevice that must succeed. */
export async function openDevice(url: string, options: WebSocket.ClientOptions = {}): Promise<DeviceSocket> {
  const result = await connectDevice(url, options);
  if (!result.ok) throw new Error(`upgrade refused: ${result.status} ${result.body}`);
  return result.socket;
}

function wrap(ws: WebSocket): DeviceSocket {
  const frames: Record<string, unknown>[] = [];
  const taken = new Set<Record<string, unknown>>();
  const waiters = new Set<() => void>();
  ws.on('message', (data: Buffer) => {
    frames.push(JSON.parse(data.toString('utf8')) as Record<string, unknown>);
    for (const wake of [...waiters]) wake();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString('utf8') })),
  );
  return {
    ws,
    frames,
    send: (message) => ws.send(typeof message === 'string' ? message : JSON.stringify(message)),
    closed,
    next(predicate = () => true, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const look = () => {
          const found = frames.find((f) => !taken.has(f) && predicate(f));
          if (!found) return false;
          taken.add(found);
          waiters.delete(look);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(look);
          reject(new Error(`no matching frame; received ${JSON.stringify(frames)}`));
        }, timeoutMs);
        if (!look()) waiters.add(look);
      });
    },
  };
}
