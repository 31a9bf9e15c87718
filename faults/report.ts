import { CallerError, Ledger } from './load';
import { Spread } from './spread';
import { EventCheck, ReadBack } from './verify';

export interface FaultResult {
  name: string;
  /** From the kill to serving again. */
  outageMs: number;
  /**
   * From the restart to the restarted part being up: a service's application code running (Node
   * and its modules loaded), the broker or the database reporting ready.
   */
  startupMs: number;
  /** From the restarted part being up to idfed serving again: what the recovery target bounds. */
  recoveryMs: number;
  errors: CallerError[];
  /**
   * Where idfed is known to miss the recovery target (the broker: see docs/security.md), the
   * bound the run is held to instead, so a regression still fails while the gap stays reported.
   */
  knownMissBoundMs?: number;
  windowMs?: number;
  /** For a window without a kill: the calls that began in it are the ones it affects. */
  startedIn?: [number, number];
}

export interface Verdict {
  passed: boolean;
  lines: string[];
}

interface Inputs {
  options: { targetMs: number; replicas: number; workers: number };
  spread: Spread;
  faults: FaultResult[];
  ledger: Ledger;
  back: ReadBack;
  events: EventCheck;
}

function errorSummary(errors: CallerError[]): string {
  if (errors.length === 0) return 'none';
  const counts = new Map<string, number>();
  for (const e of errors)
    counts.set(`${e.operation} ${e.name}`, (counts.get(`${e.operation} ${e.name}`) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([what, n]) => `${n} ${what}`)
    .join(', ');
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The suite's report and whether it passes: no lost write, no double application, recovery in target. */
export function verdictOf({ options, spread, faults, ledger, back, events }: Inputs): Verdict {
  const lines: string[] = ['', 'idfed fault suite'];
  const failures: string[] = [];
  const misses: string[] = [];
  const shares = [
    ...spread.shares,
    ...Array<number>(Math.max(0, options.replicas - spread.shares.length)).fill(0),
  ];
  lines.push(
    `  load spread over ${options.replicas} user-directory replicas: ` +
      `${shares.map((s) => `${(s * 100).toFixed(1)}%`).join(' / ')} of ${spread.commands} commands`,
  );
  if (options.replicas > 1 && Math.min(...shares) < 1 / (2 * options.replicas))
    failures.push(`one user-directory replica did ${(Math.min(...shares) * 100).toFixed(1)}% of the work`);
  lines.push(`  writes: ${ledger.acknowledged} acknowledged of ${ledger.calls} (${options.workers} writers)`);
  for (const f of faults) {
    const timing =
      f.windowMs === undefined
        ? `serving again ${seconds(f.recoveryMs)} after it was up (${seconds(f.startupMs)} to start; down ${seconds(f.outageMs)} in all)`
        : `over ${seconds(f.windowMs)}`;
    lines.push(`  ${f.name}: ${timing}; caller errors: ${errorSummary(f.errors)}`);
    if (f.windowMs === undefined && f.recoveryMs > options.targetMs) {
      const known = f.knownMissBoundMs !== undefined && f.recoveryMs <= f.knownMissBoundMs;
      if (known) {
        misses.push(`${f.name} ${seconds(f.recoveryMs)}`);
        lines.push(
          `    target missed: ${seconds(f.recoveryMs)} over the ${seconds(options.targetMs)} target ` +
            `(a known gap, held to ${seconds(f.knownMissBoundMs!)})`,
        );
      } else
        failures.push(
          `${f.name}: recovery ${seconds(f.recoveryMs)} over the ${seconds(f.knownMissBoundMs ?? options.targetMs)} ${f.knownMissBoundMs === undefined ? 'target' : 'bound'}`,
        );
    }
    // An idle keep-alive connection the gateway closed as the client reused it ("socket hang up")
    // fails a call without any reply having been lost: counted above, not held against scale-out.
    const lost = f.errors.filter((e) => !/socket hang up/i.test(e.message));
    if (f.windowMs !== undefined && lost.length > 0)
      failures.push(`${f.name}: ${lost.length} in-flight requests failed`);
  }
  lines.push(`  caller errors in all: ${errorSummary(ledger.errors)}`);
  lines.push(`  acknowledged writes lost: ${back.lost.length} (of ${back.checked} read back)`);
  for (const l of back.lost.slice(0, 20)) lines.push(`    ${l}`);
  if (back.lost.length > 0) failures.push(`${back.lost.length} acknowledged writes lost`);
  lines.push(
    `  events applied twice: ${events.appliedTwice} (${events.distinct} user-disabled events, ` +
      `${events.delivered - events.distinct} redelivered, ${events.notApplied} never applied, ` +
      `${events.stateMismatches.length} broker state mismatches)`,
  );
  if (events.appliedTwice > 0) failures.push(`${events.appliedTwice} events applied twice`);
  if (events.notApplied > 0) failures.push(`${events.notApplied} events never applied`);
  if (events.stateMismatches.length > 0)
    failures.push(`${events.stateMismatches.length} broker state mismatches`);
  const passed = failures.length === 0;
  lines.push(
    passed
      ? `faults: PASS: 0 acknowledged writes lost, 0 events applied twice, ` +
          (misses.length === 0
            ? `every recovery within ${seconds(options.targetMs)}`
            : `recoveries within ${seconds(options.targetMs)} except the known gap: ${misses.join(', ')}`)
      : `faults: FAIL: ${failures.join('; ')}`,
  );
  return { passed, lines };
}

export function formatReport(v: Verdict): string {
  return v.lines.join('\n');
}
