import { compileRoute, matchRoute, RestRoute, RouteMatch } from '@idfed/aws-protocol';
import { AnyOperation, OPERATION_CATALOG, RestJsonSurface } from '@idfed/contracts';

/** One REST-JSON operation the gateway forwards: the bus command and where its members travel. */
export interface RestOperation {
  command: AnyOperation;
  surface: RestJsonSurface;
}

/** The REST-JSON routes (Cognito Sync's `/identitypools/...`), from the catalog of every operation. */
const ROUTES: readonly RestRoute<RestOperation>[] = OPERATION_CATALOG.flatMap((op) => {
  const s = op.surface;
  if (s.protocol !== 'rest-json') return [];
  return [compileRoute({ method: s.method, path: s.path }, { command: op, surface: s })];
});

/** Every path prefix a REST-JSON route starts with, for the controller's mount points. */
export const REST_ROOTS: readonly string[] = [...new Set(ROUTES.map((r) => r.template.split('/')[1]))];

export function findRestOperation(method: string, rawPath: string): RouteMatch<RestOperation> {
  return matchRoute(ROUTES, method, rawPath);
}
