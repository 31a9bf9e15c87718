/**
 * Errors that say the database cannot serve right now (it is down, restarting, or out of
 * connections), as opposed to a statement it refused. A caller should retry these later, so
 * services answer them as ServiceUnavailable (503, retried by the AWS SDKs), not as an internal
 * error.
 */

/** SQLSTATE class 08 (connection exception), shutdown and start-up states, too many connections. */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[1-3]|53300)$/;
/** Socket-level failures of the driver reaching the server. */
const UNAVAILABLE_SYSCALL = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
/** node-postgres and its pool say these without a code. */
const UNAVAILABLE_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not established)/;

export function isDatabaseUnavailable(err: unknown): boolean {
  // TypeORM keeps the driver's error as driverError; Node keeps a cause: look through both.
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, message, driverError, cause } = e as {
      code?: unknown;
      message?: unknown;
      driverError?: unknown;
      cause?: unknown;
    };
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_SYSCALL.has(code)))
      return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
    e = driverError ?? cause;
  }
  return false;
}
