import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';

/**
 * CPU accounting from /proc (Linux): where the machine's cycles went during a load phase. Exited
 * processes and threads are not counted, so short-lived helpers are invisible; idfed's processes,
 * PostgreSQL's backends and Kafka live for the whole phase.
 */

let clockTicks: number | undefined;
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8', timeout: 5000 }).trim());
    } catch {
      clockTicks = 100;
    }
    if (!Number.isFinite(clockTicks) || clockTicks <= 0) clockTicks = 100;
  }
  return clockTicks;
}

interface StatLine {
  ppid: number;
  cpuTicks: number;
}

/** Fields of /proc/<pid>/stat (or a task's), read after the parenthesised command name. */
function readStat(path: string): StatLine | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // fields[0] is the state (field 3); ppid is field 4, utime 14, stime 15.
  return { ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
}

/** CPU milliseconds a process has used: its main thread, and all its other threads together. */
export function processCpuMs(pid: number): { mainMs: number; otherMs: number } {
  const perTick = 1000 / ticksPerSecond();
  let main = 0;
  let other = 0;
  let tasks: string[] = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return { mainMs: 0, otherMs: 0 };
  }
  for (const tid of tasks) {
    const stat = readStat(`/proc/${pid}/task/${tid}/stat`);
    if (!stat) continue;
    if (Number(tid) === pid) main += stat.cpuTicks;
    else other += stat.cpuTicks;
  }
  return { mainMs: main * perTick, otherMs: other * perTick };
}

/** Every live descendant of the given processes (not the processes themselves). */
export function descendantsOf(roots: number[]): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(`/proc/${entry}/stat`);
    if (!stat) continue;
    const list = children.get(stat.ppid) ?? [];
    list.push(Number(entry));
    children.set(stat.ppid, list);
  }
  const out: number[] = [];
  const queue = [...roots];
  for (let guard = 0; queue.length > 0 && guard < 100_000; guard++) {
    const next = children.get(queue.shift()!) ?? [];
    out.push(...next);
    queue.push(...next);
  }
  return out;
}

/** CPU milliseconds of whole processes (every thread). */
export function totalCpuMs(pids: number[]): number {
  return pids.reduce((sum, pid) => {
    const { mainMs, otherMs } = processCpuMs(pid);
    return sum + mainMs + otherMs;
  }, 0);
}

/** Busy and total CPU milliseconds of the whole machine, all cores, from /proc/stat. */
export function machineCpuMs(): { busyMs: number; totalMs: number } {
  const perTick = 1000 / ticksPerSecond();
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal guest guest_nice: guest time is already in user.
  const total = values.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = values[3] + (values[4] ?? 0);
  return { busyMs: (total - idle) * perTick, totalMs: total * perTick };
}

/** A named share of the machine's CPU, read as a cumulative counter in milliseconds. */
export interface CpuGroup {
  name: string;
  read(): number;
}

export interface CpuBreakdown {
  /** Wall-clock length of the sampled window. */
  wallMs: number;
  /** Machine busy time over the window, all cores, in milliseconds. */
  machineBusyMs: number;
  groups: { name: string; cpuMs: number }[];
}

/** Samples a set of groups (and the whole machine) at the start and the end of a window. */
export class CpuSampler {
  private startValues: number[] = [];
  private startMachine = { busyMs: 0, totalMs: 0 };
  private startWall = 0;
  private result?: CpuBreakdown;

  constructor(private readonly groups: CpuGroup[]) {}

  start(): void {
    this.startWall = performance.now();
    this.startMachine = machineCpuMs();
    this.startValues = this.groups.map((g) => g.read());
  }

  stop(): void {
    const values = this.groups.map((g) => g.read());
    const machine = machineCpuMs();
    const wallMs = performance.now() - this.startWall;
    // A process that exited reads as 0: clamp, rather than report negative time.
    const groups = this.groups.map((g, i) => ({
      name: g.name,
      cpuMs: Math.max(0, values[i] - this.startValues[i]),
    }));
    const machineBusyMs = machine.busyMs - this.startMachine.busyMs;
    const known = groups.reduce((sum, g) => sum + g.cpuMs, 0);
    groups.push({ name: 'everything else on the machine', cpuMs: Math.max(0, machineBusyMs - known) });
    this.result = { wallMs, machineBusyMs, groups };
  }

  breakdown(): CpuBreakdown | undefined {
    return this.result;
  }
}

/** This process (the load generator), every thread. */
export function selfGroup(name = 'load generator (this process)'): CpuGroup {
  return {
    name,
    read: () => {
      const usage = process.cpuUsage();
      return (usage.user + usage.system) / 1000;
    },
  };
}

/** A Node process split into its main thread (the event loop) and its other threads. */
export function nodeProcessGroups(label: string, pid: number): CpuGroup[] {
  return [
    { name: `${label}: main thread (event loop)`, read: () => processCpuMs(pid).mainMs },
    {
      name: `${label}: other threads (libuv pool: argon2, WebCrypto; V8 GC)`,
      read: () => processCpuMs(pid).otherMs,
    },
  ];
}

/** A process and its descendants (e.g. a PostgreSQL postmaster and its backends). */
export function processTreeGroup(name: string, pids: () => number[]): CpuGroup {
  return { name, read: () => totalCpuMs(pids()) };
}

export function machineDescription(): { cores: number; cpuModel: string; memoryGiB: number } {
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match) cpuModel = match[1].trim();
  } catch {
    // not Linux: keep os.cpus()'s answer
  }
  return { cores: availableParallelism(), cpuModel, memoryGiB: totalmem() / 2 ** 30 };
}

/**
 * Waits (at most `maxWaitMs`) until processes outside `groups` use less than `maxOtherPct` of the
 * machine over one second, so a measurement does not start while something else is running.
 * Returns the last observed share.
 */
export async function waitForQuietMachine(
  groups: CpuGroup[],
  cores: number,
  maxOtherPct: number,
  maxWaitMs: number,
): Promise<number> {
  const deadline = performance.now() + maxWaitMs;
  let otherPct = 100;
  do {
    const sampler = new CpuSampler(groups);
    sampler.start();
    await new Promise((r) => setTimeout(r, 1000));
    sampler.stop();
    const cpu = sampler.breakdown()!;
    const other = cpu.groups[cpu.groups.length - 1].cpuMs;
    otherPct = (100 * other) / (cpu.wallMs * cores);
  } while (otherPct >= maxOtherPct && performance.now() < deadline);
  return otherPct;
}
