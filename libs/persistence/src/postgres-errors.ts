/**
 * The SQLSTATE codes services act on, and one way to read them from whatever failed: TypeORM's
 * QueryFailedError keeps the driver's error as `driverError`, node-postgres puts `code` and
 * `constraint` on its own error, and a wrapper may keep it as `cause`.
 */
export const PostgresErrorCode = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
} as const;

export type PostgresErrorCode = (typeof PostgresErrorCode)[keyof typeof PostgresErrorCode];

export interface PostgresErrorFacts {
  code: string;
  /** The constraint or index the statement broke, when PostgreSQL names one. */
  constraint?: string;
}

/** The SQLSTATE (and constraint) of a database error, looking through driverError and cause. */
export function postgresErrorOf(err: unknown): PostgresErrorFacts | undefined {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, constraint, driverError, cause } = e as {
      code?: unknown;
      constraint?: unknown;
      driverError?: unknown;
      cause?: unknown;
    };
    // SQLSTATEs are five characters; Node's own codes (ECONNRESET, ...) are not database answers.
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      return { code, ...(typeof constraint === 'string' ? { constraint } : {}) };
    }
    e = driverError ?? cause;
  }
  return undefined;
}

/**
 * Whether the database refused the statement with `code`; with `constraint`, only when it names a
 * constraint containing that text (e.g. which of two unique keys a row collided with).
 */
export function isPostgresError(err: unknown, code: PostgresErrorCode, constraint?: string): boolean {
  const facts = postgresErrorOf(err);
  if (!facts || facts.code !== code) return false;
  return constraint === undefined || (facts.constraint ?? '').includes(constraint);
}

/** A unique index refused the row: someone else holds the key (a race lost, or a duplicate name). */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  return isPostgresError(err, PostgresErrorCode.uniqueViolation, constraint);
}

/** A foreign key refused the row: what it points at was deleted meanwhile. */
export function isForeignKeyViolation(err: unknown, constraint?: string): boolean {
  return isPostgresError(err, PostgresErrorCode.foreignKeyViolation, constraint);
}
