import { join } from 'node:path';
import * as shared from '../../libs/testing/src/idfed-processes';

export {
  deadAppOf,
  freePort,
  freshDatabase,
  stopApp,
  tail,
  waitForHealthy,
  waitForReady,
} from '../../libs/testing/src/idfed-processes';
export type { StartedProcess } from '../../libs/testing/src/idfed-processes';

export const ROOT = join(__dirname, '..', '..');

/** Runs a built app of this checkout with its output in `<logDir>/<app>.log`. */
export function startApp(app: string, env: Record<string, string>, logDir: string): shared.StartedProcess {
  return shared.startApp(ROOT, app, env, logDir);
}

/** One replica of an app, logging to `<logDir>/<name>.log`. */
export function startReplica(
  app: string,
  name: string,
  env: Record<string, string>,
  logDir: string,
): shared.StartedProcess {
  return shared.startApp(ROOT, app, env, logDir, [], name);
}
