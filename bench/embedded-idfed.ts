import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import {
  freePort,
  startApp,
  StartedProcess,
  stopApp,
  waitForHealthy,
} from '../libs/testing/src/idfed-processes';
import { descendantsOf, totalCpuMs } from './cpu';

/**
 * idfed embedded for a benchmark: a temporary directory, free ports, a new admin key, rate limits
 * off, the process started from a built checkout and healthy, an admin SDK client, the CPU of its
 * processes from /proc.
 */
export interface EmbeddedBench {
  endpoint: string;
  sdk: CognitoIdentityProviderClient;
  /** The admin key `sdk` signs with (for a bench's own clients). */
  admin: { accessKeyId: string; secretAccessKey: string };
  /** idfed's data directory: `mailbox.jsonl` holds the codes it sent (dev mailbox). */
  dataDir: string;
  env: Record<string, string>;
  /** CPU milliseconds used so far by idfed's processes and threads. */
  idfedCpuMs: () => number;
  /** The pid of idfed's Node.js process (its memory in /proc; PostgreSQL is apart). */
  pid: number;
  /** Stops idfed; the temporary directory is removed unless `keep`. */
  stop: (keep: boolean) => Promise<void>;
}

export interface EmbeddedBenchOptions {
  /** More environment, over the defaults (e.g. IDFED_LOCKOUT_FREE_FAILURES, IDFED_GOOGLE_*). */
  env?: Record<string, string>;
  /** The built checkout to start (default: this one, bench/ built to dist/bench). */
  root?: string;
  /** How long idfed may take to answer its health check (default 180 s). */
  healthTimeoutMs?: number;
  /** Keeps the temporary directory if idfed does not start (a bench's `--keep`). */
  keep?: boolean;
}

/** This checkout: bench/ is built to dist/bench. */
export const checkoutRoot = () => resolve(join(__dirname, '..', '..'));

export async function startEmbeddedBench(
  name: string,
  log: (line: string) => void,
  options: EmbeddedBenchOptions = {},
): Promise<EmbeddedBench> {
  const root = options.root ?? checkoutRoot();
  const workDir = mkdtempSync(join(tmpdir(), `idfed-bench-${name}-`));
  chmodSync(workDir, 0o755);
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const admin = {
    accessKeyId: `AKIA${randomBytes(8).toString('hex').toUpperCase()}`,
    secretAccessKey: randomBytes(30).toString('base64'),
  };
  const dataDir = join(workDir, 'data');
  const env = {
    IDFED_HTTP_HOST: '127.0.0.1',
    IDFED_HTTP_PORT: String(port),
    // The device gateway's and gRPC's ports: any free ones (several systems run side by side).
    IDFED_WS_PORT: '0',
    IDFED_GRPC_PORT: '0',
    IDFED_PUBLIC_URL: endpoint,
    IDFED_DATA_DIR: dataDir,
    IDFED_EMBEDDED_PG_PORT: String(await freePort()),
    IDFED_ADMIN_ACCESS_KEY_ID: admin.accessKeyId,
    IDFED_ADMIN_SECRET_ACCESS_KEY: admin.secretAccessKey,
    IDFED_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    IDFED_LOG_LEVEL: 'warn',
    IDFED_RATE_LIMITS: 'off',
    ...options.env,
  };
  log(`starting idfed from ${root}`);
  const app: StartedProcess = startApp(root, 'embedded', env, workDir);
  const sdk = new CognitoIdentityProviderClient({
    endpoint,
    region: 'us-east-1',
    credentials: admin,
    maxAttempts: 1,
  });
  const stop = async (keep: boolean) => {
    sdk.destroy();
    await stopApp(app);
    if (!keep) rmSync(workDir, { recursive: true, force: true });
  };
  try {
    await waitForHealthy(endpoint, [app], options.healthTimeoutMs ?? 180_000);
  } catch (err) {
    await stop(options.keep ?? false);
    throw err;
  }
  const idfedCpuMs = () => totalCpuMs([app.child.pid!, ...descendantsOf([app.child.pid!])]);
  return { endpoint, sdk, admin, dataDir, env, idfedCpuMs, pid: app.child.pid!, stop };
}
