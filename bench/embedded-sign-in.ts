import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { machineDescription } from './cpu';

/**
 * What the one-at-a-time sign-in benchmarks share (TOTP, the variants of bench/sign-in-variants)
 * besides idfed embedded (bench/embedded-idfed.ts): sign-in kinds measured interleaved in random
 * order (a shared machine's drift hits each alike), and the summary table with the load average
 * around it.
 */
export const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

export const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

export interface KindSamples {
  ms: number[];
  cpuMs: number;
}

/**
 * `warmup` then `rounds` rounds; each round runs every kind once, in a random order, and keeps
 * (after the warm-up) its wall time and the CPU `cpuMs` moved by meanwhile. A kind may return
 * milliseconds to leave out of its wall time: the bench's own waiting (polling the dev mailbox).
 */
export async function interleavedRounds<K extends string>(
  kinds: Record<K, () => Promise<number | void>>,
  warmup: number,
  rounds: number,
  cpuMs: () => number,
): Promise<Record<K, KindSamples>> {
  const names = Object.keys(kinds) as K[];
  const samples = Object.fromEntries(names.map((k) => [k, { ms: [], cpuMs: 0 }])) as unknown as Record<
    K,
    KindSamples
  >;
  for (let i = 0; i < warmup + rounds; i++) {
    const order = [...names].sort(() => Math.random() - 0.5);
    for (const kind of order) {
      const cpu0 = cpuMs();
      const start = process.hrtime.bigint();
      const excluded = (await kinds[kind]()) ?? 0;
      const ms = Number(process.hrtime.bigint() - start) / 1e6 - excluded;
      const cpu = cpuMs() - cpu0;
      if (i >= warmup) {
        samples[kind].ms.push(ms);
        // A descendant process that exited between the two readings takes its CPU with it: the
        // figure is then unknown (NaN, printed n/a), not a smaller number.
        samples[kind].cpuMs += cpu < 0 ? NaN : cpu;
      }
    }
  }
  return samples;
}

export interface SignInKindResult {
  kind: string;
  requests: number;
  medianMs: number;
  p95Ms: number;
  /** idfed's CPU (all its processes and threads) per sign-in, mean over the rounds, from /proc. */
  cpuMsPerSignIn: number;
}

export function signInResult(kind: string, requests: number, s: KindSamples): SignInKindResult {
  return {
    kind,
    requests,
    medianMs: quantile(s.ms, 0.5),
    p95Ms: quantile(s.ms, 0.95),
    cpuMsPerSignIn: s.cpuMs / s.ms.length,
  };
}

/** The summary the lead copies into docs/performance.md: one row per kind, load and machine. */
export function printSignInTable(
  title: string,
  results: SignInKindResult[],
  loadBefore: string,
  loadAfter: string,
): void {
  const machine = machineDescription();
  const fmt = (n: number) => (Number.isNaN(n) ? 'n/a' : n.toFixed(1));
  console.log(
    [
      title,
      'sign-in | requests | median ms | p95 ms | idfed CPU ms per sign-in (/proc)',
      ...results.map((r) =>
        [r.kind, r.requests, fmt(r.medianMs), fmt(r.p95Ms), fmt(r.cpuMsPerSignIn)].join(' | '),
      ),
      `load average before: ${loadBefore}; after: ${loadAfter}`,
      `machine: ${machine.cores} cores, ${machine.cpuModel}, ${machine.memoryGiB} GiB; ${new Date().toISOString()}`,
    ].join('\n'),
  );
}

/**
 * The six-digit code idfed sent to `to` after the mailbox had `after` lines (the dev mailbox,
 * `mailbox.jsonl`), polled every millisecond, with how long the bench waited for it.
 */
export async function codeFromMailbox(
  dataDir: string,
  to: string,
  after: number,
): Promise<{ code: string; waitedMs: number }> {
  const start = process.hrtime.bigint();
  for (;;) {
    const lines = mailboxLines(dataDir);
    for (const line of lines.slice(after).reverse()) {
      const message = JSON.parse(line) as { to: string; text: string };
      const code = /(\d{6})/.exec(message.text)?.[1];
      if (message.to === to && code) return { code, waitedMs: Number(process.hrtime.bigint() - start) / 1e6 };
    }
    if (Number(process.hrtime.bigint() - start) > 10_000_000_000) throw new Error(`no code sent to ${to}`);
    await new Promise((r) => setTimeout(r, 1));
  }
}

export function mailboxLines(dataDir: string): string[] {
  try {
    return readFileSync(join(dataDir, 'mailbox.jsonl'), 'utf8').split('\n').filter(Boolean);
  } catch {
    return [];
  }
}
