/**
 * How an idfed process ends, for supervisors (systemd, Kubernetes, Compose restart policies) and
 * operators; documented in docs/deployment.md. A non-zero code always comes with a fatal log line
 * saying why.
 */
export const ExitCodes = {
  /** Stopped on SIGTERM/SIGINT after a clean shutdown. */
  stopped: 0,
  /** Start-up failed for a reason not listed below (the log line has the error). */
  startFailed: 1,
  /** A configuration variable is missing or invalid (each one is named). */
  badConfiguration: 2,
  /** Kafka or PostgreSQL could not be reached at start-up (after the client's own retries). */
  dependencyUnreachable: 3,
  /** The embedded PostgreSQL (npm start) died and could not be restarted. */
  embeddedDatabaseLost: 4,
} as const;

export type ExitCode = (typeof ExitCodes)[keyof typeof ExitCodes];

/** What a start-up error means for the operator: which dependency, if any, was out of reach. */
export function classifyStartFailure(err: unknown): { dependency?: 'Kafka' | 'PostgreSQL'; code: ExitCode } {
  const error = err as { name?: string; code?: string; message?: string } | undefined;
  const name = error?.name ?? '';
  if (name.startsWith('KafkaJS')) return { dependency: 'Kafka', code: ExitCodes.dependencyUnreachable };
  const networkCodes = ['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN'];
  // PostgreSQL's own refusals: cannot connect now (57P03), too many connections (53300).
  const postgresCodes = ['57P03', '53300'];
  const code = error?.code ?? '';
  if (
    networkCodes.includes(code) ||
    postgresCodes.includes(code) ||
    /Connection terminated/i.test(error?.message ?? '')
  )
    return { dependency: 'PostgreSQL', code: ExitCodes.dependencyUnreachable };
  return { code: ExitCodes.startFailed };
}
