import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort, readPidFile, runRepoScript } from '../libs/testing/src/idfed-processes';

/** The repository root: this file runs as dist/faults/infrastructure.js. */
export const ROOT = resolve(__dirname, '..', '..');

/** A start script prints what to connect to on its last line. */
async function runScript(script: string, args: string[], env: Record<string, string>, timeoutMs: number) {
  const out = await runRepoScript(ROOT, script, args, env, timeoutMs);
  return out.trim().split('\n').pop()!.trim();
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGKILL, then wait until the process is gone (its ports and files are released). */
async function killHard(pid: number | undefined): Promise<void> {
  if (!pid || !alive(pid)) return;
  process.kill(pid, 'SIGKILL');
  while (alive(pid)) await new Promise((r) => setTimeout(r, 50));
}

/**
 * A Kafka broker and a PostgreSQL server of the suite's own (deploy/kafka/kafka.sh and
 * deploy/postgres/postgres.sh on free loopback ports, data under the run's directory), so killing
 * them never disturbs the test infrastructure other tiers share.
 */
export class Infrastructure {
  private constructor(
    private readonly kafkaEnv: Record<string, string>,
    private readonly pgEnv: Record<string, string>,
    readonly brokers: string,
    readonly databaseUrl: string,
  ) {}

  static async start(workDir: string, log: (line: string) => void): Promise<Infrastructure> {
    mkdirSync(join(workDir, 'postgres'), { recursive: true });
    const kafkaEnv = {
      IDFED_KAFKA_HOST: '127.0.0.1',
      IDFED_KAFKA_PORT: String(await freePort()),
      IDFED_KAFKA_CONTROLLER_PORT: String(await freePort()),
      IDFED_KAFKA_DATA_DIR: join(workDir, 'kafka'),
    };
    const pgEnv = {
      IDFED_PG_PORT: String(await freePort()),
      IDFED_PG_DATA_DIR: join(workDir, 'postgres', 'data'),
    };
    log(
      `starting Kafka on 127.0.0.1:${kafkaEnv.IDFED_KAFKA_PORT} and PostgreSQL on 127.0.0.1:${pgEnv.IDFED_PG_PORT}` +
        ' (deploy/kafka/kafka.sh, deploy/postgres/postgres.sh)',
    );
    // Side by side: the broker's JVM takes the longest, and the database needs none of it.
    const [kafka, pg] = await Promise.allSettled([
      runScript('deploy/kafka/kafka.sh', ['start'], kafkaEnv, 300_000),
      runScript('deploy/postgres/postgres.sh', ['start'], pgEnv, 180_000),
    ]);
    if (kafka.status === 'rejected' || pg.status === 'rejected') {
      await runScript('deploy/postgres/postgres.sh', ['stop'], pgEnv, 60_000).catch(() => undefined);
      await runScript('deploy/kafka/kafka.sh', ['stop'], kafkaEnv, 60_000).catch(() => undefined);
      throw kafka.status === 'rejected' ? kafka.reason : (pg as PromiseRejectedResult).reason;
    }
    const brokers = kafka.value;
    const databaseUrl = pg.value;
    return new Infrastructure(kafkaEnv, pgEnv, brokers, databaseUrl);
  }

  async killBroker(): Promise<void> {
    await killHard(readPidFile(join(this.kafkaEnv.IDFED_KAFKA_DATA_DIR, 'kafka.pid')));
  }

  async startBroker(): Promise<void> {
    await runScript('deploy/kafka/kafka.sh', ['start'], this.kafkaEnv, 300_000);
  }

  /** The postmaster dies with SIGKILL (no shutdown checkpoint), and the wrapper that started it too. */
  async killPostgres(): Promise<void> {
    const dataDir = this.pgEnv.IDFED_PG_DATA_DIR;
    await killHard(readPidFile(join(dataDir, 'postmaster.pid')));
    await killHard(readPidFile(`${dataDir}.pid`));
  }

  /** Crash recovery may find the old backends still detaching from shared memory: try again then. */
  async startPostgres(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await runScript('deploy/postgres/postgres.sh', ['start'], this.pgEnv, 180_000);
        return;
      } catch (err) {
        if (attempt >= 5) throw err;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  async stop(): Promise<void> {
    await runScript('deploy/postgres/postgres.sh', ['stop'], this.pgEnv, 60_000).catch(() => undefined);
    await runScript('deploy/kafka/kafka.sh', ['stop'], this.kafkaEnv, 60_000).catch(() => undefined);
  }
}
