import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  freePort,
  freshDatabase,
  startApp,
  StartedProcess,
  stopApp,
  tail,
} from '../libs/testing/src/idfed-processes';
import { ROOT } from './infrastructure';

export const SERVICES = ['user-directory', 'federation-broker', 'credential-vending', 'device-sync'] as const;
export type Service = (typeof SERVICES)[number];

/** One running instance of an app; `id` names the replica (user-directory#2). */
export interface Replica {
  id: string;
  app: string;
  env: Record<string, string>;
  process: StartedProcess;
}

export interface Health {
  ok: boolean;
  services: Partial<Record<Service, boolean>>;
}

async function waitForLog(p: StartedProcess, text: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (p.child.exitCode !== null) throw new Error(`${p.name} exited with ${p.child.exitCode}:\n${tail(p)}`);
    try {
      if (readFileSync(p.logFile, 'utf8').includes(text)) return;
    } catch {
      // not written yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${p.name} did not log "${text}" within ${timeoutMs} ms:\n${tail(p)}`);
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/**
 * idfed's distributed mode as the e2e harness runs it (built dist/, one process per app), with
 * several replicas of an app where asked and each replica's log in its own file, so that one
 * replica can be killed and restarted on its own.
 */
export class DistributedSystem {
  readonly replicas: Replica[] = [];
  readonly admin = {
    accessKeyId: `AKIA${randomBytes(8).toString('hex').toUpperCase()}`,
    secretAccessKey: randomBytes(30).toString('base64'),
  };
  private commonEnv: Record<string, string> = {};
  /** The database of this run (a fresh one on the suite's PostgreSQL). */
  databaseUrl = '';

  constructor(
    private readonly workDir: string,
    private readonly log: (line: string) => void,
  ) {}

  async start(
    brokers: string,
    databaseUrl: string,
    partitions: number,
    replicasOf: Partial<Record<Service, number>>,
  ): Promise<void> {
    this.databaseUrl = await freshDatabase(databaseUrl, 'idfed_faults');
    this.commonEnv = {
      IDFED_HTTP_HOST: '127.0.0.1',
      IDFED_DATA_DIR: join(this.workDir, 'data'),
      IDFED_ADMIN_ACCESS_KEY_ID: this.admin.accessKeyId,
      IDFED_ADMIN_SECRET_ACCESS_KEY: this.admin.secretAccessKey,
      IDFED_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      IDFED_SESSION_TOKEN_KEY: randomBytes(32).toString('base64'),
      IDFED_LOG_LEVEL: 'info',
      // The suite measures recovery; the default request rate limits (Cognito's quotas) would add
      // refusals of their own to the errors callers see.
      IDFED_RATE_LIMITS: 'off',
      IDFED_KAFKA_BROKERS: brokers,
      IDFED_KAFKA_PARTITIONS: String(partitions),
      // Several services on one host: each takes a free port for its /metrics.
      IDFED_METRICS_PORT: '0',
      IDFED_DATABASE_URL: this.databaseUrl,
    };
    // All at once: on a fresh broker they race to create the same topics, which ensureTopics
    // retries until every partition has a leader (docs/architecture.md).
    await Promise.all(
      SERVICES.flatMap((service) =>
        Array.from({ length: replicasOf[service] ?? 1 }, (_, i) =>
          this.launch(service, `${service}#${i + 1}`),
        ),
      ),
    );
    await this.addGateway();
  }

  get gateways(): Replica[] {
    return this.replicas.filter((r) => r.app === 'gateway');
  }

  endpointOf(gateway: Replica): string {
    return `http://127.0.0.1:${gateway.env.IDFED_HTTP_PORT}`;
  }

  async addGateway(): Promise<Replica> {
    const port = await freePort();
    const endpoint = `http://127.0.0.1:${port}`;
    const id = `gateway#${this.gateways.length + 1}`;
    const gateway = await this.launch('gateway', id, {
      IDFED_HTTP_PORT: String(port),
      IDFED_PUBLIC_URL: endpoint,
    });
    await this.waitUntilHealthy(gateway, 180_000);
    return gateway;
  }

  /** Starts a replica and waits until it says it serves (services) or listens (gateways). */
  private async launch(app: string, id: string, extraEnv: Record<string, string> = {}): Promise<Replica> {
    const replica: Replica = { id, app, env: { ...this.commonEnv, ...extraEnv }, process: undefined! };
    this.replicas.push(replica);
    await this.spawn(replica, 180_000);
    return replica;
  }

  private async spawn(replica: Replica, timeoutMs: number): Promise<void> {
    const logDir = join(this.workDir, 'logs', replica.id.replace('#', '-'));
    mkdirSync(logDir, { recursive: true });
    const started = startApp(ROOT, replica.app, replica.env, logDir);
    replica.process = started;
    const ready = replica.app === 'gateway' ? 'gateway listening' : `${replica.app} is serving on Kafka`;
    await waitForLog(started, ready, timeoutMs);
  }

  /** SIGKILL: no shutdown hook runs, the consumer does not leave its group. */
  async kill(replica: Replica): Promise<void> {
    await stopApp(replica.process, 'SIGKILL');
  }

  /**
   * Starts the replica again at once. Resolves with the time its application code began to run
   * (its first log line): until then the machine was loading Node and idfed's modules, which
   * takes what the CPU allows and nothing in idfed's recovery can shorten.
   */
  async restart(replica: Replica): Promise<number> {
    const logDir = join(this.workDir, 'logs', replica.id.replace('#', '-'));
    const logFile = join(logDir, `${replica.app}.log`);
    const offset = sizeOf(logFile);
    replica.process = startApp(ROOT, replica.app, replica.env, logDir);
    while (sizeOf(logFile) === offset) {
      if (replica.process.child.exitCode !== null) throw new Error(`${replica.id} exited at once`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return Date.now();
  }

  /** SIGTERM: a graceful stop (a gateway leaving on scale-in). */
  async stopReplica(replica: Replica): Promise<void> {
    await stopApp(replica.process);
    this.replicas.splice(this.replicas.indexOf(replica), 1);
  }

  /** What the gateway's /health says of each service (a bus round trip to it and its database). */
  async health(gateway: Replica): Promise<Health> {
    try {
      const res = await fetch(`${this.endpointOf(gateway)}/health`, { signal: AbortSignal.timeout(5000) });
      const body = (await res.json()) as { services?: Record<string, { status?: string }> };
      const services: Health['services'] = {};
      for (const s of SERVICES) services[s] = body.services?.[s]?.status === 'up';
      return { ok: SERVICES.every((s) => services[s]), services };
    } catch {
      return { ok: false, services: {} };
    }
  }

  async waitUntilHealthy(gateway: Replica, timeoutMs: number): Promise<number> {
    const began = Date.now();
    while (Date.now() - began < timeoutMs) {
      const dead = this.replicas.find((r) => r.process.child.exitCode !== null);
      if (dead)
        throw new Error(`${dead.id} exited with ${dead.process.child.exitCode}:\n${tail(dead.process)}`);
      if ((await this.health(gateway)).ok) return Date.now();
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(
      `not healthy within ${timeoutMs} ms\n${this.replicas.map((r) => `--- ${r.id}\n${tail(r.process, 15)}`).join('\n')}`,
    );
  }

  async stop(): Promise<void> {
    for (const r of [...this.replicas].reverse()) await stopApp(r.process).catch(() => undefined);
    this.log('idfed stopped');
  }
}
