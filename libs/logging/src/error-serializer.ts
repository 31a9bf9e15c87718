/**
 * What of an error may reach a log: its type, message, stack and the diagnostic fields a driver or
 * the runtime attaches (the PostgreSQL SQLSTATE `code`, constraint, table...). Everything else is
 * left out, because errors carry the data they failed on: TypeORM's QueryFailedError has the
 * statement's `parameters` (password hashes, SRP verifiers) and `query`, and a spread or pino's
 * standard serializer would print every enumerable field of it.
 */
const DIAGNOSTIC_FIELDS = [
  'code',
  'severity',
  'constraint',
  'table',
  'schema',
  'column',
  'dataType',
  'routine',
  'errno',
  'syscall',
  'status',
  'statusCode',
] as const;

/** A cause chain deeper than this is cut: enough to see why, never a cycle. */
const MAX_CAUSE_DEPTH = 3;

export interface SerializedError {
  type: string;
  message: string;
  stack?: string;
  cause?: SerializedError;
  [field: string]: unknown;
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function serialize(err: unknown, depth: number): unknown {
  if (!(err instanceof Error)) return err;
  const out: SerializedError = { type: err.constructor?.name ?? err.name, message: err.message };
  if (err.stack) out.stack = err.stack;
  const source = err as unknown as Record<string, unknown>;
  for (const field of DIAGNOSTIC_FIELDS) {
    if (isScalar(source[field])) out[field] = source[field];
  }
  if (err.cause !== undefined && depth < MAX_CAUSE_DEPTH) {
    out.cause = serialize(err.cause, depth + 1) as SerializedError;
  }
  return out;
}

/** pino serializer for `err` / `error` fields; values that are not errors pass through unchanged. */
export function serializeError(err: unknown): unknown {
  return serialize(err, 0);
}
