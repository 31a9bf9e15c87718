import type { Readable } from 'node:stream';

/** How a body read in parts ended. */
export type PartsOutcome =
  | { kind: 'done'; bytes: number }
  | { kind: 'too-large' }
  | { kind: 'timeout' }
  /** `send` refused a part: nothing more was read. */
  | { kind: 'stopped' };

export interface PartsOptions {
  /** Bytes per part (the last may be shorter, or empty). */
  partBytes: number;
  /** The largest body taken; past it, reading stops. */
  limit: number;
  /** How long the body may send nothing before reading stops. */
  idleMs: number;
}

/**
 * Reads a request body as it arrives and hands it on in parts of `partBytes` (ADR 0070): `send` is
 * awaited before more is read, so at most one part and what the socket buffers are in memory,
 * whatever the body's size. The last part (possibly empty) goes with `last`. A body declaring or
 * sending more than `limit`, or silent for `idleMs`, stops the reading; the caller answers and
 * closes the connection (the rest of the body is never read).
 */
export async function readInParts(
  body: Readable,
  options: PartsOptions,
  send: (part: Buffer, last: boolean) => Promise<boolean>,
): Promise<PartsOutcome> {
  const iterator = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let received = 0;
  for (;;) {
    let timer: NodeJS.Timeout | undefined;
    const reading = iterator.next();
    const next = await Promise.race([
      reading,
      new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), options.idleMs);
      }),
    ]).finally(() => clearTimeout(timer));
    if (next === 'timeout') {
      // The read still waits on the socket; it ends when the connection closes.
      reading.catch(() => undefined);
      return { kind: 'timeout' };
    }
    if (next.done) break;
    const chunk = next.value;
    received += chunk.length;
    if (received > options.limit) return { kind: 'too-large' };
    pending.push(chunk);
    pendingBytes += chunk.length;
    while (pendingBytes >= options.partBytes) {
      const all = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
      const part = all.subarray(0, options.partBytes);
      const rest = all.subarray(options.partBytes);
      pending = rest.length > 0 ? [rest] : [];
      pendingBytes = rest.length;
      if (!(await send(part, false))) return { kind: 'stopped' };
    }
  }
  const last = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
  if (!(await send(last, true))) return { kind: 'stopped' };
  return { kind: 'done', bytes: received };
}
