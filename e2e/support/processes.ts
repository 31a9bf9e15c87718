import { join } from 'node:path';
import * as shared from '../../libs/testing/src/idfed-processes';
import { manifestCommand } from '../../libs/testing/src/deploy-manifests';

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

/**
 * An app started the way deploy/k8s runs it: the Deployment's own command line (`node
 * dist/apps/<app>/src/main.js`, read from the manifest, not written here), in the repository as
 * the image's WORKDIR. A manifest naming another entry point fails the distributed suite.
 */
export function startAsManifest(
  app: string,
  name: string,
  env: Record<string, string>,
  logDir: string,
): shared.StartedProcess {
  const { args } = manifestCommand(app, process.execPath);
  return shared.startNode(ROOT, name, args, env, logDir);
}
