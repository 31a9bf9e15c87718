import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Infrastructure } from './infrastructure';
import { Clients, createFixture, Ledger, Load } from './load';
import { FaultResult, formatReport, Verdict, verdictOf } from './report';
import { SpreadProbe } from './spread';
import { DistributedSystem, Replica, SERVICES } from './system';
import { checkEvents, readBack } from './verify';

/**
 * `npm run faults`: idfed's distributed mode (built dist/, one process per app, its own Kafka and
 * PostgreSQL) under a load of acknowledged writes from the AWS SDKs, while each service, the broker
 * and PostgreSQL are killed with SIGKILL and restarted in turn, and a second gateway joins and
 * leaves. Then every acknowledged write is read back. See docs/security.md, "Faults in the
 * distributed mode".
 */

const USAGE = `usage: npm run faults -- [options]

  --bounded          the CI form: 4 writers, shorter windows, the same faults and checks
  --workers=N        concurrent writers (default 8)
  --replicas=N       user-directory replicas (default 2)
  --partitions=N     partitions of idfed's topics (default 6)
  --spread=S         seconds of load measuring the user-directory replicas' shares (default 20)
  --target=S         recovery target in seconds (default 5)
  --only=F[,F...]    run only these faults: services, scale-out, broker, postgres (default all)
  --repeat=N         run each fault N times in a row (default 1): recovery figures to compare
  --keep             keep the run's directory (logs, data) for a post-mortem`;

interface Options {
  bounded: boolean;
  workers: number;
  replicas: number;
  partitions: number;
  spreadSeconds: number;
  targetMs: number;
  keep: boolean;
  only: Set<FaultKind>;
  repeat: number;
}

const FAULT_KINDS = ['services', 'scale-out', 'broker', 'postgres'] as const;
type FaultKind = (typeof FAULT_KINDS)[number];

function parseOptions(argv: string[]): Options {
  const options: Options = {
    bounded: false,
    workers: 8,
    replicas: 2,
    partitions: 6,
    spreadSeconds: 20,
    targetMs: 5000,
    keep: false,
    only: new Set(FAULT_KINDS),
    repeat: 1,
  };
  for (const arg of argv) {
    const [name, value] = arg.split('=');
    const int = (min: number, max: number) => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < min || n > max)
        throw new Error(`${name} wants an integer in ${min}..${max}`);
      return n;
    };
    if (name === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else if (name === '--bounded') {
      options.bounded = true;
      options.spreadSeconds = 8;
      options.workers = 4;
    } else if (name === '--keep') options.keep = true;
    else if (name === '--workers') options.workers = int(1, 64);
    else if (name === '--replicas') options.replicas = int(1, 6);
    else if (name === '--partitions') options.partitions = int(1, 64);
    else if (name === '--spread') options.spreadSeconds = int(1, 300);
    else if (name === '--target') options.targetMs = int(1, 120) * 1000;
    else if (name === '--repeat') options.repeat = int(1, 50);
    else if (name === '--only') {
      const kinds = (value ?? '').split(',');
      const unknown = kinds.filter((k) => !(FAULT_KINDS as readonly string[]).includes(k));
      if (unknown.length > 0) throw new Error(`--only wants some of ${FAULT_KINDS.join(', ')}`);
      options.only = new Set(kinds as FaultKind[]);
    } else throw new Error(`unknown option ${arg}\n${USAGE}`);
  }
  return options;
}

/**
 * The bound held on the broker's recovery while it misses the 5 s target: after ADR 0010 it took
 * 5.0 to 14.5 s on the shared machine under load (its group coordinator loading for 2 to 7 s after
 * the broker reports itself started), 7.8 to 19.8 s before; 31.5 s before ADR 0008 still fails.
 */
const BROKER_RECOVERY_BOUND_MS = 20_000;

const began = Date.now();
function log(line: string): void {
  console.log(`[faults +${((Date.now() - began) / 1000).toFixed(1)}s] ${line}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Between two health probes while waiting for idfed to serve again. */
const PROBE_EVERY_MS = 250;

/**
 * Serving again: five health checks in a row (in the order they were sent) through the gateway find
 * every service and its database answering (one check can land on a partition that was fine all
 * along); the time is when the first of them was answered, not when it was asked. The checks
 * overlap, one every 250 ms: a check sent before the recovery waits out the gateway's 3 s health
 * timeout, and waiting for it before sending the next added up to those 3 s to every recovery.
 */
async function waitUntilServing(
  system: DistributedSystem,
  gateway: Replica,
  timeoutMs: number,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  const answers: ({ ok: boolean; at: number } | undefined)[] = [];
  const inFlight = new Set<Promise<void>>();
  try {
    while (Date.now() < deadline) {
      const index = answers.length;
      answers.push(undefined);
      const probe = system.health(gateway).then((h) => {
        answers[index] = { ok: h.ok, at: Date.now() };
      });
      inFlight.add(probe);
      void probe.finally(() => inFlight.delete(probe));
      await sleep(PROBE_EVERY_MS);
      let streak = 0;
      for (let i = 0; i < answers.length; i++) {
        const answer = answers[i];
        if (!answer) break; // not answered yet: the streak cannot be judged past it
        streak = answer.ok ? streak + 1 : 0;
        if (streak === 5) return answers[i - 4]!.at;
      }
    }
    throw new Error(`idfed was not serving again within ${timeoutMs} ms`);
  } finally {
    await Promise.allSettled(inFlight);
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const workDir = mkdtempSync(join(tmpdir(), 'idfed-faults-'));
  chmodSync(workDir, 0o755); // as root, PostgreSQL runs as `postgres` and must reach its data dir
  log(`work directory ${workDir}`);
  const infra = await Infrastructure.start(workDir, log);
  const system = new DistributedSystem(workDir, log);
  let verdict: Verdict | undefined;
  try {
    log(`starting idfed: ${options.replicas} user-directory replicas, ${options.partitions} partitions`);
    await system.start(infra.brokers, infra.databaseUrl, options.partitions, {
      'user-directory': options.replicas,
    });
    const gateway = system.gateways[0];
    const clients = new Clients(system.endpointOf(gateway), system.admin);
    const fixture = await createFixture(clients);
    const ledger = new Ledger();
    const load = new Load(clients, fixture, ledger, `f${randomBytes(3).toString('hex')}`);

    log(`load: ${options.workers} writers; measuring the user-directory replicas' shares`);
    const probe = new SpreadProbe(infra.brokers, 'user-directory.commands.v1', 'idfed.user-directory');
    await probe.begin();
    load.start(options.workers);
    await sleep(options.spreadSeconds * 1000);
    const spread = await probe.end();
    log(
      `shares: ${spread.shares.map((s) => `${(s * 100).toFixed(1)}%`).join(' / ')} of ${spread.commands} commands`,
    );

    const faults: FaultResult[] = [];
    const settle = options.bounded ? 1500 : 4000;
    /** `act` kills and restarts; it says when the restart began and when the restarted part was up. */
    const runFault = async (
      name: string,
      act: () => Promise<{ spawned: number; up: number }>,
      knownMissBoundMs?: number,
    ) => {
      const killedAt = Date.now();
      const errorsBefore = ledger.errors.length;
      log(`${name}: SIGKILL`);
      const { spawned, up } = await act();
      const servingAt = await waitUntilServing(system, gateway, 120_000);
      await sleep(settle);
      const result: FaultResult = {
        name,
        outageMs: servingAt - killedAt,
        startupMs: up - spawned,
        recoveryMs: Math.max(0, servingAt - up),
        errors: ledger.errors.slice(errorsBefore),
        knownMissBoundMs,
      };
      faults.push(result);
      log(
        `${name}: up ${result.startupMs} ms after the restart began, serving ${result.recoveryMs} ms later ` +
          `(${result.errors.length} caller errors)`,
      );
    };

    // The calls that began while the second gateway joined and left: a failure of one of them is a
    // reply lost on scale-out. (Its error may come back later, so they are picked at the end.)
    const scaleOuts: FaultResult[] = [];
    for (let round = 1; round <= options.repeat; round++) {
      const nth = options.repeat > 1 ? ` (${round}/${options.repeat})` : '';
      if (options.only.has('services'))
        for (const service of SERVICES) {
          const replica = system.replicas.find((r) => r.app === service)!;
          await runFault(`${replica.id} killed${nth}`, async () => {
            await system.kill(replica);
            const spawned = Date.now();
            return { spawned, up: await system.restart(replica) };
          });
        }
      if (options.only.has('scale-out')) {
        const from = Date.now();
        log('gateway#2 joins');
        const second = await system.addGateway();
        await sleep(settle);
        log('gateway#2 leaves');
        await system.stopReplica(second);
        await sleep(settle);
        const to = Date.now();
        await load.settledSince(to); // the next fault must not fail calls of this window
        const scaleOut: FaultResult = {
          name: `gateway scale-out and in${nth}`,
          outageMs: 0,
          startupMs: 0,
          recoveryMs: 0,
          errors: [],
          windowMs: to - from,
          startedIn: [from, to],
        };
        scaleOuts.push(scaleOut);
        faults.push(scaleOut);
      }
      if (options.only.has('broker'))
        await runFault(
          `Kafka broker killed${nth}`,
          async () => {
            await infra.killBroker();
            const spawned = Date.now();
            await infra.startBroker();
            return { spawned, up: Date.now() };
          },
          BROKER_RECOVERY_BOUND_MS,
        );
      if (options.only.has('postgres'))
        await runFault(`PostgreSQL killed${nth}`, async () => {
          await infra.killPostgres();
          const spawned = Date.now();
          await infra.startPostgres();
          return { spawned, up: Date.now() };
        });
    }

    await load.stop();
    for (const scaleOut of scaleOuts) {
      const [from, to] = scaleOut.startedIn!;
      scaleOut.errors = ledger.errors.filter((e) => e.startedAt >= from && e.startedAt <= to);
    }
    log(`load stopped: ${ledger.acknowledged} of ${ledger.calls} writes acknowledged; reading them back`);
    const verifier = new Clients(system.endpointOf(gateway), system.admin, 3);
    const back = await readBack(verifier, fixture, ledger);
    const events = await checkEvents(infra.brokers, system.databaseUrl, fixture, ledger, back.subs, 60_000);
    verifier.destroy();
    clients.destroy();
    verdict = verdictOf({ options, spread, faults, ledger, back, events });
    console.log(formatReport(verdict));
  } finally {
    await system.stop();
    await infra.stop();
    if (!options.keep && verdict?.passed) rmSync(workDir, { recursive: true, force: true });
    else log(`logs and data kept in ${workDir}`);
  }
  process.exit(verdict?.passed ? 0 : 1);
}

main().catch((err: Error) => {
  console.error(`faults: ${err.stack ?? err.message}`);
  process.exit(1);
});
