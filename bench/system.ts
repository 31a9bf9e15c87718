import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  deadAppOf,
  freePort,
  freshDatabase,
  readPidFile,
  runRepoScript,
  startApp as startProcess,
  StartedProcess,
  stopApp,
  tail,
  waitForHealthy,
  waitForReady,
} from '../libs/testing/src/idfed-processes';
import { CpuGroup, descendantsOf, nodeProcessGroups, processTreeGroup, totalCpuMs } from './cpu';

import { waitForGrpcServing } from '../libs/testing/src/grpc/grpc-health';

/** The repository root: this file runs as dist/bench/system.js. */
export const ROOT = resolve(__dirname, '..', '..');

export { freePort, tail };

export type Mode = 'embedded' | 'distributed';

export type StartedApp = StartedProcess;

/** A built app of this checkout, its output in `<logDir>/<app>.log`. */
function startApp(app: string, env: Record<string, string>, logDir: string, nodeArgs: string[]): StartedApp {
  return startProcess(ROOT, app, env, logDir, nodeArgs);
}

export interface RunningSystem {
  mode: Mode;
  endpoint: string;
  /** Where devices connect (`ws://...`): the embedded process, or the device-gateway app when started. */
  deviceGateway?: string;
  /** The gRPC gateway (`host:port`): the embedded process, or the grpc-gateway app when started. */
  grpcGateway?: string;
  admin: { accessKeyId: string; secretAccessKey: string };
  apps: StartedApp[];
  /** The first app that exited (it should not, before stop()). */
  deadApp(): StartedApp | undefined;
  /** How the system's CPU use is split for the report. */
  cpuGroups(): CpuGroup[];
  stop(): Promise<void>;
}

async function waitForLog(app: StartedApp, text: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.child.exitCode !== null)
      throw new Error(`${app.name} exited with ${app.child.exitCode}:\n${tail(app)}`);
    try {
      if (readFileSync(app.logFile, 'utf8').includes(text)) return;
    } catch {
      // not written yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${app.name} did not log "${text}" within ${timeoutMs} ms:\n${tail(app)}`);
}

async function commonEnv(workDir: string): Promise<{
  env: Record<string, string>;
  endpoint: string;
  admin: RunningSystem['admin'];
}> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const admin = {
    accessKeyId: `AKIA${randomBytes(8).toString('hex').toUpperCase()}`,
    secretAccessKey: randomBytes(30).toString('base64'),
  };
  return {
    endpoint,
    admin,
    env: {
      IDFED_HTTP_HOST: '127.0.0.1',
      IDFED_HTTP_PORT: String(port),
      IDFED_WS_PORT: String(await freePort()),
      IDFED_GRPC_PORT: String(await freePort()),
      IDFED_PUBLIC_URL: endpoint,
      IDFED_DATA_DIR: join(workDir, 'data'),
      IDFED_ADMIN_ACCESS_KEY_ID: admin.accessKeyId,
      IDFED_ADMIN_SECRET_ACCESS_KEY: admin.secretAccessKey,
      IDFED_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      IDFED_LOG_LEVEL: process.env.IDFED_LOG_LEVEL ?? 'info',
      // The benchmarks measure capacity, which the default request rate limits (Cognito's quotas) cap.
      IDFED_RATE_LIMITS: 'off',
    },
  };
}

export interface LaunchOptions {
  workDir: string;
  /** Extra node flags for every idfed process (e.g. --cpu-prof). */
  nodeArgs: string[];
  /** Distributed: also run the device-gateway app. */
  deviceGateway?: boolean;
  /** Distributed: also run the grpc-gateway app. */
  grpcGateway?: boolean;
  /** Embedded: more environment for the process (the gRPC bench's mutual TLS). */
  env?: Record<string, string>;
}

/** `npm start` as a user runs it: one process, in-process bus, its own embedded PostgreSQL. */
export async function startEmbedded(options: LaunchOptions): Promise<RunningSystem> {
  const { env, endpoint, admin } = await commonEnv(options.workDir);
  env.IDFED_EMBEDDED_PG_PORT = String(await freePort());
  Object.assign(env, options.env);
  const app = startApp('embedded', env, options.workDir, options.nodeArgs);
  const system: RunningSystem = {
    mode: 'embedded',
    endpoint,
    deviceGateway: `ws://127.0.0.1:${env.IDFED_WS_PORT}`,
    grpcGateway: `127.0.0.1:${env.IDFED_GRPC_PORT}`,
    admin,
    apps: [app],
    deadApp: () => deadAppOf([app]),
    cpuGroups: () => {
      const pid = app.child.pid!;
      return [
        ...nodeProcessGroups('idfed (embedded)', pid),
        processTreeGroup('PostgreSQL (embedded: postmaster + backends)', () => descendantsOf([pid])),
      ];
    },
    stop: () => stopApp(app),
  };
  try {
    await waitForHealthy(endpoint, system.apps, 120_000);
  } catch (err) {
    await system.stop();
    throw err;
  }
  return system;
}

export const SERVICE_APPS = ['user-directory', 'federation-broker', 'credential-vending', 'device-sync'];

export interface Infrastructure {
  brokers: string;
  databaseUrl: string;
  /** CPU groups of the broker and the database, when this run started them. */
  cpuGroups: CpuGroup[];
  // A function value (it is passed around as a cleanup), not a method bound to its object.
  stop: () => Promise<void>;
}

/** One process per app over Kafka and PostgreSQL, as the e2e harness runs the distributed mode. */
export async function startDistributed(
  options: LaunchOptions,
  infra: Infrastructure,
): Promise<RunningSystem> {
  const { env, endpoint, admin } = await commonEnv(options.workDir);
  Object.assign(env, {
    IDFED_KAFKA_BROKERS: infra.brokers,
    IDFED_KAFKA_PARTITIONS: '3',
    // Several services on one host: each takes a free port for its /metrics.
    IDFED_METRICS_PORT: '0',
    IDFED_DATABASE_URL: await freshDatabase(infra.databaseUrl, 'idfed_bench'),
  });
  const apps: StartedApp[] = [];
  const system: RunningSystem = {
    mode: 'distributed',
    endpoint,
    admin,
    apps,
    deadApp: () => deadAppOf(apps),
    cpuGroups: () => {
      const pidOf = (name: string) => apps.find((a) => a.name === name)!.child.pid!;
      const others = ['federation-broker', 'credential-vending', 'device-sync'].map((name) => ({
        name: `${name} (not in these calls' path)`,
        read: () => totalCpuMs([pidOf(name)]),
      }));
      return [
        ...nodeProcessGroups('gateway', pidOf('gateway')),
        ...nodeProcessGroups('user-directory', pidOf('user-directory')),
        ...others,
        ...infra.cpuGroups,
      ];
    },
    async stop() {
      for (const app of [...apps].reverse()) await stopApp(app);
    },
  };
  try {
    // One at a time: services that create their topics at the same moment on a fresh broker can
    // fail with UNKNOWN_TOPIC_OR_PARTITION (see docs/performance.md).
    for (const name of SERVICE_APPS) {
      const app = startApp(name, env, options.workDir, options.nodeArgs);
      apps.push(app);
      await waitForLog(app, `${name} is serving on Kafka`, 120_000);
    }
    apps.push(startApp('gateway', env, options.workDir, options.nodeArgs));
    await waitForHealthy(endpoint, apps, 180_000);
    if (options.deviceGateway) {
      apps.push(startApp('device-gateway', env, options.workDir, options.nodeArgs));
      await waitForReady(`http://127.0.0.1:${env.IDFED_WS_PORT}/health/ready`, apps, 180_000);
      system.deviceGateway = `ws://127.0.0.1:${env.IDFED_WS_PORT}`;
    }
    if (options.grpcGateway) {
      apps.push(startApp('grpc-gateway', env, options.workDir, options.nodeArgs));
      system.grpcGateway = `127.0.0.1:${env.IDFED_GRPC_PORT}`;
      await waitForGrpcServing(system.grpcGateway, 180_000);
    }
  } catch (err) {
    await system.stop();
    throw err;
  }
  return system;
}

/**
 * A Kafka broker and a PostgreSQL server of this run's own (deploy/kafka/kafka.sh and
 * deploy/postgres/postgres.sh), on free loopback ports and with their data under `workDir`.
 */
export async function startInfrastructure(
  workDir: string,
  log: (line: string) => void,
): Promise<Infrastructure> {
  const kafkaDir = join(workDir, 'kafka');
  const pgDir = join(workDir, 'postgres', 'data');
  mkdirSync(join(workDir, 'postgres'), { recursive: true });
  const kafkaEnv = {
    IDFED_KAFKA_HOST: '127.0.0.1',
    IDFED_KAFKA_PORT: String(await freePort()),
    IDFED_KAFKA_CONTROLLER_PORT: String(await freePort()),
    IDFED_KAFKA_DATA_DIR: kafkaDir,
  };
  const pgEnv = { IDFED_PG_PORT: String(await freePort()), IDFED_PG_DATA_DIR: pgDir };
  const stops: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn().catch((err: Error) => log(`stop failed: ${err.message}`));
  };
  try {
    log(`starting Kafka on 127.0.0.1:${kafkaEnv.IDFED_KAFKA_PORT} (deploy/kafka/kafka.sh)`);
    stops.push(() => runRepoScript(ROOT, 'deploy/kafka/kafka.sh', ['stop'], kafkaEnv, 60_000));
    await runRepoScript(ROOT, 'deploy/kafka/kafka.sh', ['start'], kafkaEnv, 300_000);
    log(`starting PostgreSQL on 127.0.0.1:${pgEnv.IDFED_PG_PORT} (deploy/postgres/postgres.sh)`);
    stops.push(() => runRepoScript(ROOT, 'deploy/postgres/postgres.sh', ['stop'], pgEnv, 60_000));
    const out = await runRepoScript(ROOT, 'deploy/postgres/postgres.sh', ['start'], pgEnv, 180_000);
    const databaseUrl = out.trim().split('\n').pop()!.trim();
    const kafkaPid = readPidFile(join(kafkaDir, 'kafka.pid'));
    const pgPid = readPidFile(`${pgDir}.pid`);
    const cpuGroups: CpuGroup[] = [];
    if (kafkaPid) cpuGroups.push({ name: 'Kafka broker (JVM)', read: () => totalCpuMs([kafkaPid]) });
    if (pgPid)
      cpuGroups.push(
        processTreeGroup('PostgreSQL (postmaster + backends)', () => [pgPid, ...descendantsOf([pgPid])]),
      );
    return { brokers: `127.0.0.1:${kafkaEnv.IDFED_KAFKA_PORT}`, databaseUrl, cpuGroups, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
