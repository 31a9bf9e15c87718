import type { Request } from 'express';
import { AwsError } from '@idfed/aws-protocol';

/**
 * Largest request body the JSON endpoint accepts. AWS publishes no body limit for Cognito; its
 * largest inputs (a user pool definition with a full schema, lambda config and email templates)
 * stay well under 64 KiB, so 256 KiB leaves room without letting one request pin much memory.
 */
export const MAX_BODY_BYTES = 256 * 1024;

/** Past the limit the rest is read and dropped up to this much, so the client sees the 413 instead of a reset. */
const MAX_DISCARD_BYTES = 4 * 1024 * 1024;

/** Without configuration, how long a handler waits for the rest of a body (IDFED_HTTP_BODY_TIMEOUT_MS). */
export const DEFAULT_BODY_TIMEOUT_MS = 10_000;
/** The express setting the gateway stores IDFED_HTTP_BODY_TIMEOUT_MS under. */
export const BODY_TIMEOUT_SETTING = 'idfed body timeout';

/** A refusal after which the connection must not be reused: the client's bytes are not all read. */
export interface ClosesConnection {
  readonly closeConnection: boolean;
}

/** A body over the limit; `closeConnection` when the client kept sending far past it and was cut off. */
export class BodyTooLargeError extends AwsError implements ClosesConnection {
  constructor(
    limit: number,
    readonly closeConnection = false,
  ) {
    super('RequestEntityTooLargeException', `Request body must be no larger than ${limit} bytes.`);
  }
}

/** A body that did not arrive in time: whatever is still on its way is never read. */
export class BodyTimeoutError extends AwsError implements ClosesConnection {
  readonly closeConnection = true;
  constructor(timeoutMs: number) {
    super('RequestTimeoutException', `Request body was not received within ${timeoutMs} ms.`, 408);
  }
}

export function closesConnection(err: unknown): boolean {
  return (err as Partial<ClosesConnection> | null)?.closeConnection === true;
}

function bodyTimeoutOf(req: Request): number {
  const configured: unknown = req.app?.get(BODY_TIMEOUT_SETTING);
  return typeof configured === 'number' ? configured : DEFAULT_BODY_TIMEOUT_MS;
}

/**
 * Reads the exact bytes of the body (SigV4 signs them, so no parser may touch them first). A body
 * over the limit, declared or actual, is RequestEntityTooLargeException: the gateway answers in the
 * AWS JSON shape instead of the HTML page a framework body parser would produce. A body still
 * incomplete after `timeoutMs` is RequestTimeoutException, and the connection is closed after the
 * answer, so a client trickling bytes cannot hold a handler.
 */
export function readRawBody(
  req: Request,
  limit = MAX_BODY_BYTES,
  timeoutMs = bodyTimeoutOf(req),
): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  return new Promise<Buffer>((resolve, reject) => {
    const deadline = setTimeout(() => {
      cleanup();
      req.pause();
      reject(new BodyTimeoutError(timeoutMs));
    }, timeoutMs);
    const chunks: Buffer[] = [];
    let received = 0;
    let overflow = declared > limit;
    const finish = () => {
      cleanup();
      if (overflow) reject(new BodyTooLargeError(limit));
      else resolve(Buffer.concat(chunks, received));
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) {
        overflow = true;
        chunks.length = 0;
      } else if (!overflow) {
        chunks.push(chunk);
      }
      if (received > limit + MAX_DISCARD_BYTES) {
        // A client that keeps sending: stop reading. The connection closes after the answer.
        cleanup();
        req.pause();
        reject(new BodyTooLargeError(limit, true));
      }
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    const cleanup = () => {
      clearTimeout(deadline);
      req.off('data', onData);
      req.off('end', finish);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', finish);
    req.on('error', onError);
  });
}
