/** Shared expectations for the SigV4 specs. */
import { HttpRequestParts, SigV4Error, SigV4FailureReason, SigV4VerifyOptions } from '../src';
import { VECTOR } from './http-fixture';

/** Awaits a verification expected to fail and returns its SigV4Error (any other error is re-thrown). */
export async function rejection(promise: Promise<unknown>): Promise<SigV4Error> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof SigV4Error) return err;
    throw err;
  }
  throw new Error('expected the verification to be rejected');
}

export async function expectReason(
  promise: Promise<unknown>,
  reason: SigV4FailureReason,
): Promise<SigV4Error> {
  const err = await rejection(promise);
  expect(err.reason).toBe(reason);
  return err;
}

/** Options that accept the public vectors: fixed clock, the one known key. */
export function vectorOptions(overrides: Partial<SigV4VerifyOptions> = {}): SigV4VerifyOptions {
  return {
    resolveSecret: (id) => (id === VECTOR.accessKeyId ? VECTOR.secret : undefined),
    now: () => VECTOR.now,
    ...overrides,
  };
}

export function withHeader(req: HttpRequestParts, name: string, value: string | undefined): HttpRequestParts {
  const headers = { ...req.headers };
  if (value === undefined) delete headers[name];
  else headers[name] = value;
  return { ...req, headers };
}

export function shiftedClock(seconds: number): () => Date {
  return () => new Date(VECTOR.now.getTime() + seconds * 1000);
}

/** Flips the last hex digit of a 64-digit signature. */
export function flipLastHexDigit(signature: string): string {
  const last = signature[signature.length - 1];
  return signature.slice(0, -1) + (last === '0' ? '1' : '0');
}

/** Error messages must never leak anything that helps forge a signature. */
export function expectNoLeak(err: Error, ...secrets: string[]): void {
  for (const s of [VECTOR.secret, ...secrets]) expect(err.message).not.toContain(s);
}
