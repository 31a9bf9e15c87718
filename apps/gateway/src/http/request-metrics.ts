import type { Request, Response } from 'express';
import { OPERATION_CATALOG } from '@idfed/contracts';
import {
  boundedLabel,
  ErrorNameLabels,
  httpRequestDuration,
  httpRequestErrors,
  httpRequests,
  secondsSince,
} from '@idfed/observability';

/** Where a controller names the AWS operation of the exchange, once it has found it. */
export const OPERATION_LOCAL = 'operation';
/** Where the exception filter leaves the AWS error name it answered with. */
export const ERROR_NAME_LOCAL = 'awsErrorName';

/** The routes that are not AWS operations, as label values. */
const ROUTES = ['health', 'well-known', 'authorize', 'metrics', 'preflight'] as const;

/**
 * Every value the `operation` label may take: the catalog's operation names, the one the gateway
 * answers itself (GetCallerIdentity) and the other routes. Anything else a request names (a
 * target or action that does not exist, a path) is `unknown`.
 */
export const OPERATION_LABELS: ReadonlySet<string> = new Set([
  ...OPERATION_CATALOG.map((op) => op.name),
  'GetCallerIdentity',
  ...ROUTES,
]);

const errorNames = new ErrorNameLabels();

/** The `operation` label of a finished exchange: never a raw path, target or id. */
export function operationLabelOf(req: Request, res: Response): string {
  const named = res.locals[OPERATION_LOCAL] as string | undefined;
  if (named !== undefined) return boundedLabel(named, OPERATION_LABELS);
  if (req.method === 'OPTIONS') return 'preflight';
  const path = req.path;
  if (path === '/health' || path.startsWith('/health/')) return 'health';
  if (path === '/metrics') return 'metrics';
  if (path === '/authorize') return 'authorize';
  if (path.includes('/.well-known/')) return 'well-known';
  return boundedLabel(undefined, OPERATION_LABELS);
}

/** Counts and times one finished exchange (started: `process.hrtime.bigint()` at arrival). */
export function recordRequest(req: Request, res: Response, started: bigint): void {
  const operation = operationLabelOf(req, res);
  httpRequests.inc({ operation, code: `${Math.floor(res.statusCode / 100)}xx` });
  httpRequestDuration.observe({ operation }, secondsSince(started));
  const errorName = res.locals[ERROR_NAME_LOCAL] as string | undefined;
  if (errorName !== undefined) httpRequestErrors.inc({ operation, error: errorNames.of(errorName) });
}
