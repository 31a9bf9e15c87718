import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { eventually } from './eventually';

/**
 * Running built idfed apps as separate processes, for the e2e suite and the benchmarks: the same
 * start, stop and health-wait, so both measure and test idfed exactly as a user runs it.
 */
export interface StartedProcess {
  name: string;
  child: ChildProcess;
  logFile: string;
}

/** Whether `port` can be listened on now (127.0.0.1); 0 asks the system for any free port. */
function listenable(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as { port: number };
      server.close(() => resolve(bound));
    });
  });
}

/**
 * A port free now, for a process started a moment later. Drawn below the system's ephemeral range
 * (32768 and up on Linux), since that range is where every outgoing connection (Kafka, PostgreSQL,
 * HTTP clients of the other test lane) takes its local port: a port the system handed out is soon
 * handed out again, sometimes before the process meant to listen on it has started. A random port
 * below it is taken only by another drawing, far less likely.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = await listenable(20_000 + (randomBytes(2).readUInt16BE(0) % 12_000));
    if (port !== undefined) return port;
  }
  const any = await listenable(0);
  if (any === undefined) throw new Error('no free TCP port on 127.0.0.1');
  return any;
}

/**
 * Runs `<root>/dist/apps/<app>/src/main.js`. Its output goes straight to a log file, not through
 * this process, so a benchmark's load generator does not pay for relaying logs.
 */
export function startApp(
  root: string,
  app: string,
  env: Record<string, string>,
  logDir: string,
  nodeArgs: string[] = [],
  /** Names the process and its log file: one app's replicas each need their own. */
  name = app,
): StartedProcess {
  return startNode(root, name, [...nodeArgs, join(root, 'dist', 'apps', app, 'src', 'main.js')], env, logDir);
}

/** Runs `node <args>` in `root` (as a container runs it in the image's WORKDIR), logging to `<logDir>/<name>.log`. */
export function startNode(
  root: string,
  name: string,
  args: string[],
  env: Record<string, string>,
  logDir: string,
): StartedProcess {
  const logFile = join(logDir, `${name}.log`);
  const fd = openSync(logFile, 'a');
  try {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', fd, fd],
    });
    return { name, child, logFile };
  } finally {
    closeSync(fd);
  }
}

export async function stopApp(p: StartedProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => p.child.once('exit', () => resolve()));
  p.child.kill(signal);
  const timer = setTimeout(() => p.child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

export function deadAppOf(apps: StartedProcess[]): StartedProcess | undefined {
  return apps.find((a) => a.child.exitCode !== null || a.child.signalCode !== null);
}

export function tail(p: StartedProcess, lines = 40): string {
  try {
    return readFileSync(p.logFile, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Polls the gateway's /health until every service answers, or fails with the apps' log tails. */
export async function waitForHealthy(
  endpoint: string,
  apps: StartedProcess[],
  timeoutMs = 90_000,
): Promise<void> {
  let exited: Error | undefined;
  try {
    await eventually(
      async () => {
        const dead = deadAppOf(apps);
        if (dead) {
          // Not worth waiting for: reported at once.
          exited = new Error(
            `${dead.name} exited with ${dead.child.exitCode ?? dead.child.signalCode}:\n${tail(dead)}`,
          );
          return;
        }
        const res = await fetch(`${endpoint}/health`, { signal: AbortSignal.timeout(5000) });
        if (res.status !== 200) throw new Error(`${res.status} ${await res.text()}`);
      },
      { timeoutMs, intervalMs: 250 },
    );
  } catch (err) {
    throw new Error(
      `idfed not healthy after ${timeoutMs} ms (last: ${(err as Error).message})\n${apps.map((a) => `--- ${a.name}\n${tail(a)}`).join('\n')}`,
    );
  }
  if (exited) throw exited;
}

/** Polls a readiness URL (a device gateway's /health/ready) until 200, failing early if an app died. */
export async function waitForReady(url: string, apps: StartedProcess[], timeoutMs = 90_000): Promise<void> {
  await eventually(
    async () => {
      const dead = deadAppOf(apps);
      if (dead) throw new Error(`${dead.name} exited with ${dead.child.exitCode ?? dead.child.signalCode}`);
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    },
    { timeoutMs, intervalMs: 250 },
  ).catch((err: Error) => {
    throw new Error(`${err.message}\n${apps.map((a) => `--- ${a.name}\n${tail(a)}`).join('\n')}`);
  });
}

/** A new, empty database on the given server, so one run never sees another's data. */
export async function freshDatabase(serverUrl: string, prefix: string): Promise<string> {
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Runs one of the project's scripts (deploy/kafka/kafka.sh, deploy/postgres/postgres.sh) with its
 * output captured; resolves with its standard output, or fails with the tail of its errors.
 */
export function runRepoScript(
  root: string,
  script: string,
  args: string[],
  env: Record<string, string>,
  timeoutMs: number,
): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn('bash', [join(root, script), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) done(out);
      else fail(new Error(`${script} ${args.join(' ')} failed (${code}):\n${err.slice(-3000)}`));
    });
  });
}

/** The pid in the first line of a pid file, when there is a valid one. */
export function readPidFile(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').split('\n')[0].trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
