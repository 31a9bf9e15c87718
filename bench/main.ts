import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEnv } from '@idfed/config';
import {
  CpuBreakdown,
  CpuGroup,
  CpuSampler,
  machineDescription,
  processCpuMs,
  selfGroup,
  waitForQuietMachine,
} from './cpu';
import { LoadResult, runLoad } from './load';
import { measurePrimitives, PrimitiveResults } from './primitives';
import { formatProfile, profilesIn, summariseProfile } from './profile';
import { createFixture, INITIATE_AUTH } from './setup';
import { runDeviceGatewayBench } from './device-gateway.bench';
import { runDeviceSyncBench } from './device-sync.bench';
import { runGrpcBench } from './grpc.bench';
import { runHostedPagesTimingBench } from './hosted-pages-timing.bench';
import { runOAuthCodeFlowBench } from './oauth-code-flow.bench';
import { runProviderFlowBench } from './provider-flow.bench';
import { runRememberedDeviceBench } from './remembered-device.bench';
import { runTotpSignInBench } from './totp-sign-in.bench';
import { runUserImportBench } from './user-import.bench';
import { runSignInVariantBench, SIGN_IN_VARIANTS } from './sign-in-variants.bench';
import { runUserEnumerationBench } from './user-enumeration.bench';
import { runTimingSourcesBench } from './timing-sources.bench';
import {
  freePort,
  Infrastructure,
  Mode,
  RunningSystem,
  startDistributed,
  startEmbedded,
  startInfrastructure,
  tail,
} from './system';

/**
 * `npm run bench`: the physical limits of this machine (argon2id, RS256), then idfed's sign-in and
 * refresh throughput through the gateway, embedded and (with --distributed or a configured broker)
 * distributed, compared against the issue's targets. See docs/performance.md.
 */

const USAGE = `usage: npm run bench -- [options]

  --distributed            also run the distributed mode; starts its own Kafka and PostgreSQL
                           (deploy/kafka, deploy/postgres) unless IDFED_BENCH_KAFKA_BROKERS and
                           IDFED_BENCH_DATABASE_URL are set (then those are used, without the flag)
  --no-embedded            skip the embedded mode
  --only=signin|refresh    run one of the two load phases
  --duration=S             measured window of each load phase (default 15, max 300)
  --warmup=S               warm-up before each window (default 5, max 120)
  --concurrency=N          both phases' concurrency
  --signin-concurrency=N   in-flight sign-ins (default 4 x cores)
  --refresh-concurrency=N  in-flight refreshes (default 8 x cores)
  --users=N                confirmed users (default 64)
  --primitive-time=S       bound of each primitive measurement (default 2)
  --primitive-rounds=N     rounds of primitive measurements; the best of each is kept (default 3)
  --skip-primitives        no argon2id/RS256 measurement (no ratios then)
  --skip-http-floor        no bare-HTTP baseline
  --attempts=N             repeat a load phase up to N times while other processes disturb it
                           (more than 10% of the machine), keeping the least disturbed (default 3)
  --broker-warmup=S        distributed: refresh load for S seconds before the first phase, so the
                           fresh broker's JVM has compiled its hot paths (default 20, 0: none)
  --quiet-wait=S           before each measurement, wait up to S seconds (default 30, 0: no
                           wait) for other processes to use under 10% of the machine
  --profile                run idfed under node --cpu-prof and summarise the hot spots
  --json=PATH              also write every figure as JSON
  --keep                   keep the temporary directory (logs, data)
  --user-enumeration       instead: the user-existence timing test (bench/user-enumeration.bench.ts),
                           with its own options --pairs=N, --root=DIR, --json=PATH, --keep
  --device-gateway         instead: idle sockets, memory per socket and push latency of the device
                           gateway (bench/device-gateway.bench.ts); --device-gateway --help for its options
  --device-sync            instead: UpdateRecords throughput and the latency from an accepted
                           UpdateRecords to the SyncTrigger frame at another device
                           (bench/device-sync.bench.ts); --device-sync --help for its options
  --grpc                   instead: gRPC VerifyToken throughput and latency next to the HTTP path
                           (bench/grpc.bench.ts); --grpc --help for its options
  --remembered-device      instead: a sign-in from a remembered device (DEVICE_SRP_AUTH) next to a
                           plain SRP sign-in, one at a time (bench/remembered-device.bench.ts), with
                           --rounds=N, --json=PATH, --keep
  --user-import            instead: a CSV user import through the PreSignedUrl, users/s and idfed's
                           peak RSS (bench/user-import.bench.ts), with --rows=N (default 100000)
                           or --mb=M (up to 100), --row-bytes=B, --stop-after=U, --max-old-space=MB,
                           --json=PATH, --keep
  --totp-sign-in           instead: a sign-in with a software token (TOTP) next to a plain password
                           sign-in, with idfed's CPU per sign-in from /proc (bench/totp-sign-in.bench.ts),
                           with --rounds=N, --json=PATH, --keep
  --lockout-cost, --alias-sign-in, --email-otp-sign-in, --mfa-code-sign-in
                           instead: the lockout check's cost in a sign-in (A/B), sign-in with an email
                           alias, USER_AUTH EMAIL_OTP, SMS / email MFA, each next to a plain sign-in
                           (bench/sign-in-variants.bench.ts), with --rounds=N, --json=PATH, --keep
  --oauth-code             instead: the OAuth authorization-code flow through the hosted sign-in page
                           (with the password, and by single sign-on) next to InitiateAuth, one at a
                           time, then its throughput (bench/oauth-code-flow.bench.ts), with
                           --rounds=N, --concurrency=N, --flows=N, --json=PATH, --keep
  --provider-flow          instead: sign-in through an identity provider (authorize, the stand-in
                           provider's sign-in, idpresponse, code, token), ID-token mapping next to
                           People API mapping, one at a time (bench/provider-flow.bench.ts), with
                           --rounds=N, --users=N, --json=PATH, --keep
  --hosted-pages-timing    instead: the hosted /login, /signup and /forgotPassword pages timed for
                           known vs unknown names over HTTP, interleaved, with distributions and
                           Mann-Whitney / Welch (bench/hosted-pages-timing.bench.ts), with --pairs=N,
                           --root=DIR, --json=PATH, --keep
  --timing-sources         instead: each statement of the code operations timed for a user and an
                           unknown name, interleaved, on a database of its own (ADR 0068;
                           bench/timing-sources.bench.ts), with --pairs=N, --database-url=URL
                           (default IDFED_TEST_DATABASE_URL)
`;

interface Options {
  embedded: boolean;
  distributed: boolean;
  phases: ('signin' | 'refresh')[];
  durationMs: number;
  warmupMs: number;
  signInConcurrency: number;
  refreshConcurrency: number;
  users: number;
  primitiveMs: number;
  primitiveRounds: number;
  primitives: boolean;
  httpFloor: boolean;
  attempts: number;
  quietWaitMs: number;
  brokerWarmupMs: number;
  profile: boolean;
  json?: string;
  keep: boolean;
}

function parseOptions(argv: string[], cores: number): Options {
  const flags = new Map<string, string>();
  for (const arg of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unexpected argument ${arg}\n\n${USAGE}`);
    flags.set(match[1], match[2] ?? 'true');
  }
  const known = [
    'distributed',
    'no-embedded',
    'only',
    'duration',
    'warmup',
    'concurrency',
    'signin-concurrency',
    'refresh-concurrency',
    'users',
    'primitive-time',
    'primitive-rounds',
    'skip-primitives',
    'skip-http-floor',
    'attempts',
    'broker-warmup',
    'quiet-wait',
    'profile',
    'json',
    'keep',
    'help',
  ];
  for (const name of flags.keys())
    if (!known.includes(name)) throw new Error(`unknown option --${name}\n\n${USAGE}`);
  if (flags.has('help')) {
    console.log(USAGE);
    process.exit(0);
  }
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = flags.get(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max)
      throw new Error(`--${name} must be an integer from ${min} to ${max}`);
    return value;
  };
  const only = flags.get('only');
  if (only !== undefined && only !== 'signin' && only !== 'refresh')
    throw new Error('--only must be signin or refresh');
  const both = int('concurrency', 0, 1, 1024);
  return {
    embedded: !flags.has('no-embedded'),
    distributed: flags.has('distributed'),
    phases: only ? [only] : ['signin', 'refresh'],
    durationMs: int('duration', 15, 1, 300) * 1000,
    warmupMs: int('warmup', 5, 0, 120) * 1000,
    signInConcurrency: int('signin-concurrency', both || 4 * cores, 1, 1024),
    refreshConcurrency: int('refresh-concurrency', both || 8 * cores, 1, 1024),
    users: int('users', 64, 1, 10_000),
    primitiveMs: int('primitive-time', 2, 1, 60) * 1000,
    primitiveRounds: int('primitive-rounds', 3, 1, 20),
    primitives: !flags.has('skip-primitives'),
    httpFloor: !flags.has('skip-http-floor'),
    attempts: int('attempts', 3, 1, 10),
    brokerWarmupMs: int('broker-warmup', 20, 0, 300) * 1000,
    quietWaitMs: int('quiet-wait', 30, 0, 600) * 1000,
    profile: flags.has('profile'),
    json: flags.get('json'),
    keep: flags.has('keep'),
  };
}

const QUIET_PCT = 10;

/** Lets a measurement start only once the rest of the machine is (nearly) idle, within a bound. */
async function quiet(options: Options, groups: CpuGroup[], cores: number, what: string): Promise<void> {
  if (options.quietWaitMs === 0) return;
  const otherPct = await waitForQuietMachine(groups, cores, QUIET_PCT, options.quietWaitMs);
  if (otherPct >= QUIET_PCT)
    log(`other processes still use ${otherPct.toFixed(0)}% of the machine: measuring ${what} anyway`);
}

const log = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

interface PhaseResult {
  load: LoadResult;
  cpu?: CpuBreakdown;
}

interface ModeResult {
  mode: Mode;
  signin?: PhaseResult;
  refresh?: PhaseResult;
  /** CPU use with no load at all (pollers, heartbeats, the broker's own work). */
  idle?: CpuBreakdown;
  profiles: string[];
}

/** A bare node:http server answering a fixed JSON body: the floor of HTTP on loopback with this generator. */
async function httpFloor(options: Options): Promise<PhaseResult> {
  const port = await freePort();
  const script = `
    const http = require('node:http');
    const body = Buffer.from('{"ChallengeParameters":{}}');
    http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'content-length': body.length });
        res.end(body);
      });
    }).listen(${port}, '127.0.0.1', () => console.log('ready'));`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise<void>((ready, fail) => {
      const timer = setTimeout(() => fail(new Error('the HTTP floor server did not start')), 10_000);
      child.stdout.once('data', () => {
        clearTimeout(timer);
        ready();
      });
    });
    const sampler = new CpuSampler([
      selfGroup(),
      {
        name: 'bare node:http server',
        read: () => {
          const { mainMs, otherMs } = processCpuMs(child.pid!);
          return mainMs + otherMs;
        },
      },
    ]);
    const load = await runLoad({
      endpoint: `http://127.0.0.1:${port}`,
      target: INITIATE_AUTH,
      bodies: [Buffer.from('{"AuthFlow":"REFRESH_TOKEN_AUTH"}')],
      concurrency: options.refreshConcurrency,
      warmupMs: Math.min(options.warmupMs, 2000),
      durationMs: Math.min(options.durationMs, 5000),
      window: sampler,
    });
    return { load, cpu: sampler.breakdown() };
  } finally {
    child.kill('SIGTERM');
  }
}

function otherLoadPct(cpu: CpuBreakdown | undefined, cores: number): number {
  if (!cpu) return NaN;
  return (100 * cpu.groups[cpu.groups.length - 1].cpuMs) / (cpu.wallMs * cores);
}

/**
 * One load phase; on a shared machine, up to --attempts of it, keeping the attempt other processes
 * disturbed least (and stopping at the first one under 10%).
 */
async function runPhase(
  system: RunningSystem,
  phase: 'signin' | 'refresh',
  bodies: Buffer[],
  options: Options,
): Promise<PhaseResult> {
  const cores = machineDescription().cores;
  const groups = [selfGroup(), ...system.cpuGroups()];
  const concurrency = phase === 'signin' ? options.signInConcurrency : options.refreshConcurrency;
  let best: PhaseResult | undefined;
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    await quiet(options, groups, cores, `${system.mode} ${phase}`);
    const sampler = new CpuSampler(groups);
    log(
      `${system.mode}: ${phase === 'signin' ? 'USER_PASSWORD_AUTH' : 'REFRESH_TOKEN_AUTH'} at concurrency ${concurrency}, ` +
        `${options.warmupMs / 1000} s warm-up + ${options.durationMs / 1000} s measured (attempt ${attempt}/${options.attempts})`,
    );
    const load = await runLoad({
      endpoint: system.endpoint,
      target: INITIATE_AUTH,
      bodies,
      concurrency,
      warmupMs: options.warmupMs,
      durationMs: options.durationMs,
      accept: (reply) => reply.body.includes('"AccessToken"'),
      abort: () => system.deadApp() !== undefined,
      window: sampler,
    });
    const dead = system.deadApp();
    if (dead)
      throw new Error(
        `${dead.name} exited (${dead.child.exitCode ?? dead.child.signalCode}) during the ${phase} phase:\n${tail(dead)}`,
      );
    const result: PhaseResult = { load, cpu: sampler.breakdown() };
    const other = otherLoadPct(result.cpu, cores);
    log(
      `${system.mode} ${phase}: ${load.opsPerS.toFixed(1)} ops/s, p50 ${load.p50Ms.toFixed(1)} ms, p99 ${load.p99Ms.toFixed(1)} ms, ` +
        `${Object.values(load.errors).reduce((a, b) => a + b, 0)} errors; other processes ${other.toFixed(0)}% of the machine`,
    );
    if (!best || !(otherLoadPct(best.cpu, cores) <= other)) best = result;
    if (other < QUIET_PCT) break;
  }
  return best!;
}

async function runMode(
  mode: Mode,
  options: Options,
  workRoot: string,
  infra: Infrastructure | undefined,
  cleanups: (() => Promise<void>)[],
): Promise<ModeResult> {
  const workDir = join(workRoot, mode);
  mkdirSync(workDir, { recursive: true });
  chmodSync(workDir, 0o755); // the embedded PostgreSQL runs as another user when run as root
  const profileDir = join(workRoot, `profiles-${mode}`);
  const nodeArgs = options.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  log(`starting idfed ${mode} (logs in ${workDir})`);
  const system =
    mode === 'embedded'
      ? await startEmbedded({ workDir, nodeArgs })
      : await startDistributed({ workDir, nodeArgs }, infra!);
  const stop = () => system.stop();
  cleanups.push(stop);
  const result: ModeResult = { mode, profiles: [] };
  try {
    const fixture = await createFixture(system.endpoint, system.admin, options.users, log);
    if (mode === 'distributed' && options.brokerWarmupMs > 0) {
      log(`warming the broker up: ${options.brokerWarmupMs / 1000} s of refreshes, not measured`);
      await runLoad({
        endpoint: system.endpoint,
        target: INITIATE_AUTH,
        bodies: fixture.refreshBodies,
        concurrency: options.refreshConcurrency,
        warmupMs: 0,
        durationMs: options.brokerWarmupMs,
        abort: () => system.deadApp() !== undefined,
      });
    }
    const idle = new CpuSampler([selfGroup(), ...system.cpuGroups()]);
    idle.start();
    await new Promise((r) => setTimeout(r, 3000));
    idle.stop();
    result.idle = idle.breakdown();
    if (options.phases.includes('signin'))
      result.signin = await runPhase(system, 'signin', fixture.signInBodies, options);
    if (options.phases.includes('refresh'))
      result.refresh = await runPhase(system, 'refresh', fixture.refreshBodies, options);
  } finally {
    await stop();
    cleanups.splice(cleanups.indexOf(stop), 1);
  }
  if (options.profile) {
    for (const file of profilesIn(profileDir)) {
      const summary = summariseProfile(file);
      result.profiles.push(formatProfile(summary));
    }
  }
  return result;
}

function canConnect(hostPort: string): Promise<boolean> {
  const [host, port] = hostPort.split(':');
  return new Promise((done) => {
    const socket = connect({ host, port: Number(port), timeout: 3000 });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
    socket.once('timeout', () => {
      socket.destroy();
      done(false);
    });
  });
}

// ---- report ----------------------------------------------------------------------------------

const fmt = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');

interface Row {
  figure: string;
  value: string;
  limit?: string;
  ratio?: string;
  target?: string;
}

const HEAD: Row = { figure: 'figure', value: 'value', limit: 'limit', ratio: 'ratio', target: 'target' };

/** Columns no row fills are left out. */
function table(rows: Row[], head: Row = HEAD): string {
  const cols = (['figure', 'value', 'limit', 'ratio', 'target'] as (keyof Row)[]).filter((c) =>
    rows.some((r) => r[c]),
  );
  const all = [head, ...rows];
  const widths = cols.map((c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  const line = (r: Row) =>
    cols
      .map((c, i) => (i === 0 ? (r[c] ?? '').padEnd(widths[i]) : (r[c] ?? '').padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

interface Limits {
  signIn: number;
  refresh: number;
  signInMeasured: number;
  refreshMeasured: number;
}

function limitsOf(p: PrimitiveResults, cores: number): Limits {
  return {
    signIn: cores / (p.argon2.verify.meanMs / 1000),
    refresh: cores / ((2 * p.rs256.sign.meanMs) / 1000),
    signInMeasured: p.argon2.verifyParallel.opsPerS,
    refreshMeasured: p.rs256.signParallel.opsPerS / 2,
  };
}

function primitiveRows(p: PrimitiveResults, cores: number, limits: Limits): Row[] {
  return [
    {
      figure: `argon2id hash (m=${p.argon2.memoryKiB} KiB, t=2, p=1), 1 at a time`,
      value: `${fmt(p.argon2.hash.meanMs, 2)} ms`,
    },
    { figure: 'argon2id verify, 1 at a time', value: `${fmt(p.argon2.verify.meanMs, 2)} ms` },
    {
      figure: `argon2id verify, ${cores} in parallel`,
      value: `${fmt(p.argon2.verifyParallel.opsPerS)} /s`,
      limit: `${fmt(limits.signIn)} /s`,
      ratio: fmt(p.argon2.verifyParallel.opsPerS / limits.signIn, 2),
    },
    { figure: 'RS256 sign (2048-bit, WebCrypto), 1 at a time', value: `${fmt(p.rs256.sign.meanMs, 3)} ms` },
    {
      figure: `RS256 sign (WebCrypto), ${cores} in parallel`,
      value: `${fmt(p.rs256.signParallel.opsPerS)} /s`,
      limit: `${fmt(cores / (p.rs256.sign.meanMs / 1000))} /s`,
      ratio: fmt(p.rs256.signParallel.opsPerS / (cores / (p.rs256.sign.meanMs / 1000)), 2),
    },
    {
      figure: 'RS256 sign (node:crypto sign(), same thread)',
      value: `${fmt(p.rs256.syncSign.meanMs, 3)} ms`,
    },
    { figure: 'SHA-256 of 1 KiB', value: `${fmt(p.sha256.meanMs * 1000, 2)} us` },
    { figure: 'HMAC-SHA-256 of 1 KiB', value: `${fmt(p.hmacSha256.meanMs * 1000, 2)} us` },
  ];
}

function verdict(ratio: number, target: number): string {
  if (!Number.isFinite(ratio)) return `>= ${target * 100}%: n/a`;
  return `>= ${target * 100}%: ${ratio >= target ? 'MET' : 'MISSED'}`;
}

/**
 * Throughput if the machine ran nothing else: cores divided by the CPU time one successful call
 * took in the processes this run can see (idfed, its database and broker when started here, the
 * load generator). Robust to other processes, which only steal cores; optimistic if some work is
 * serial (one event loop) or invisible (an external database).
 */
function cpuBoundEstimate(
  r: PhaseResult,
  cores: number,
): { all: number; withoutGenerator: number } | undefined {
  const cpu = r.cpu;
  const ops = r.load.opsPerS * ((cpu?.wallMs ?? 0) / 1000);
  if (!cpu || ops <= 0) return undefined;
  const known = cpu.groups.slice(0, -1);
  const total = known.reduce((sum, g) => sum + g.cpuMs, 0) / ops;
  const generator = (known.find((g) => g.name.startsWith('load generator'))?.cpuMs ?? 0) / ops;
  return { all: (cores * 1000) / total, withoutGenerator: (cores * 1000) / (total - generator) };
}

function modeRows(m: ModeResult, limits: Limits | undefined, cores: number): Row[] {
  const rows: Row[] = [];
  const errors = (l: LoadResult) => Object.values(l.errors).reduce((a, b) => a + b, 0);
  const phase = (
    name: string,
    r: PhaseResult | undefined,
    limit: number | undefined,
    measured: number | undefined,
    target: number,
    limitName: string,
  ) => {
    if (!r) return;
    const l = r.load;
    const ratio = limit ? l.opsPerS / limit : NaN;
    rows.push({
      figure: `${m.mode} ${name} throughput (c=${l.concurrency})`,
      value: `${fmt(l.opsPerS)} /s`,
      limit: limit ? `${fmt(limit)} /s` : undefined,
      ratio: fmt(ratio, 2),
      target: verdict(ratio, target),
    });
    if (measured)
      rows.push({
        figure: `  vs measured ${limitName}`,
        value: '',
        limit: `${fmt(measured)} /s`,
        ratio: fmt(l.opsPerS / measured, 2),
      });
    const estimate = cpuBoundEstimate(r, cores);
    if (estimate)
      rows.push(
        {
          figure: '  CPU-bound estimate, machine to itself',
          value: `${fmt(estimate.all)} /s`,
          limit: limit ? `${fmt(limit)} /s` : undefined,
          ratio: fmt(limit ? estimate.all / limit : NaN, 2),
          target: 'estimate',
        },
        {
          figure: '  same, load generator elsewhere',
          value: `${fmt(estimate.withoutGenerator)} /s`,
          limit: limit ? `${fmt(limit)} /s` : undefined,
          ratio: fmt(limit ? estimate.withoutGenerator / limit : NaN, 2),
          target: 'estimate',
        },
      );
    rows.push({
      figure: `${m.mode} ${name} latency p50 / p99`,
      value: `${fmt(l.p50Ms)} / ${fmt(l.p99Ms)} ms`,
    });
    rows.push({
      figure: `${m.mode} ${name} successes / errors`,
      value: `${l.ok} / ${errors(l)}`,
    });
  };
  phase('sign-in', m.signin, limits?.signIn, limits?.signInMeasured, 0.85, `parallel verify throughput`);
  phase('refresh', m.refresh, limits?.refresh, limits?.refreshMeasured, 0.4, `parallel signing / 2`);
  return rows;
}

function cpuReport(title: string, r: PhaseResult, cores: number): string {
  const cpu = r.cpu;
  if (!cpu) return '';
  const ops = r.load.opsPerS * (cpu.wallMs / 1000);
  const rows: Row[] = cpu.groups.map((g) => ({
    figure: g.name,
    value: `${fmt(ops > 0 ? g.cpuMs / ops : NaN, 3)} ms/op`,
    limit: `${fmt((100 * g.cpuMs) / (cpu.wallMs * cores))}% of machine`,
  }));
  rows.push({
    figure: 'machine total',
    value: `${fmt(ops > 0 ? cpu.machineBusyMs / ops : NaN, 3)} ms/op`,
    limit: `${fmt((100 * cpu.machineBusyMs) / (cpu.wallMs * cores))}% of machine`,
  });
  const other = cpu.groups[cpu.groups.length - 1];
  const otherPct = (100 * other.cpuMs) / (cpu.wallMs * cores);
  const warning =
    otherPct > 5 ? `\nwarning: other processes used ${fmt(otherPct)}% of the machine during this window` : '';
  return `${title}\n${table(rows, { figure: 'CPU used by', value: 'CPU per call', limit: 'share of machine' })}${warning}`;
}

function idleReport(mode: Mode, cpu: CpuBreakdown, cores: number): string {
  const rows: Row[] = cpu.groups.map((g) => ({
    figure: g.name,
    value: `${fmt((100 * g.cpuMs) / (cpu.wallMs * cores))}% of machine`,
  }));
  return `${mode}, idle (no requests, ${fmt(cpu.wallMs / 1000)} s)\n${table(rows, { figure: 'CPU used by', value: 'share' })}`;
}

async function main(): Promise<void> {
  const machine = machineDescription();
  const cores = machine.cores;
  const options = parseOptions(process.argv.slice(2), cores);
  const memoryKiB = loadEnv({ ...process.env }).passwordHashMemoryKiB;
  const startedAt = new Date();
  const workRoot = mkdtempSync(join(tmpdir(), 'idfed-bench-'));
  chmodSync(workRoot, 0o755);
  const cleanups: (() => Promise<void>)[] = [];
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    log(`${signal}: stopping what this run started`);
    void (async () => {
      for (const fn of [...cleanups].reverse()) await fn().catch(() => undefined);
      process.exit(130);
    })();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  log(
    `machine: ${cores} cores (${machine.cpuModel}), ${fmt(machine.memoryGiB)} GiB, Node ${process.version}`,
  );
  log(`work directory ${workRoot}`);

  let primitives: PrimitiveResults | undefined;
  if (options.primitives) {
    primitives = await measurePrimitives(
      memoryKiB,
      cores,
      { maxMs: options.primitiveMs, maxOps: 20_000 },
      options.primitiveRounds,
      () => quiet(options, [selfGroup()], cores, 'the primitives'),
      log,
    );
  }
  const limits = primitives && limitsOf(primitives, cores);
  let floor: PhaseResult | undefined;
  if (options.httpFloor) {
    log('bare node:http floor on loopback');
    floor = await httpFloor(options);
  }

  const modes: ModeResult[] = [];
  let ok = false;
  try {
    if (options.embedded) modes.push(await runMode('embedded', options, workRoot, undefined, cleanups));

    const brokers = process.env.IDFED_BENCH_KAFKA_BROKERS;
    const databaseUrl = process.env.IDFED_BENCH_DATABASE_URL;
    let infra: Infrastructure | undefined;
    if (brokers && databaseUrl) {
      if (await canConnect(brokers.split(',')[0].trim())) {
        infra = { brokers, databaseUrl, cpuGroups: [], stop: async () => undefined };
      } else log(`IDFED_BENCH_KAFKA_BROKERS=${brokers} is not reachable: skipping the distributed mode`);
    } else if (options.distributed) {
      infra = await startInfrastructure(join(workRoot, 'infra'), log);
      cleanups.push(infra.stop);
    }
    if (infra) {
      try {
        modes.push(await runMode('distributed', options, workRoot, infra, cleanups));
      } finally {
        await infra.stop();
        cleanups.splice(cleanups.indexOf(infra.stop), 1);
      }
    }
    ok = true;
  } finally {
    if (!ok || options.keep || options.profile)
      log(`kept ${workRoot} (logs${options.profile ? ', profiles' : ''})`);
    else rmSync(workRoot, { recursive: true, force: true });
  }

  // ---- print ----
  const rows: Row[] = [];
  if (primitives && limits) rows.push(...primitiveRows(primitives, cores, limits));
  if (floor)
    rows.push({
      figure: `bare node:http on loopback (c=${floor.load.concurrency}, floor)`,
      value: `${fmt(floor.load.opsPerS)} /s`,
    });
  for (const m of modes) rows.push(...modeRows(m, limits, cores));
  const out: string[] = [
    '',
    `idfed bench, ${startedAt.toISOString()}: ${cores} cores (${machine.cpuModel}), ${fmt(machine.memoryGiB)} GiB, Node ${process.version}`,
    `load: ${options.warmupMs / 1000} s warm-up + ${options.durationMs / 1000} s measured per phase, ${options.users} users; ` +
      `the load generator runs on the same ${cores} cores`,
    `limits: sign-in = cores / argon2id verify; refresh = cores / (2 x RS256 sign)`,
    '',
    table(rows),
  ];
  if (primitives && primitives.otherLoadPct > 5)
    out.push(
      '',
      `warning: other processes kept ${fmt(primitives.otherLoadPct)}% of the machine busy during the primitives`,
    );
  for (const m of modes) {
    if (m.idle) out.push('', idleReport(m.mode, m.idle, cores));
    for (const [name, r] of [
      ['sign-in', m.signin],
      ['refresh', m.refresh],
    ] as const) {
      if (!r) continue;
      out.push('', cpuReport(`${m.mode} ${name}: CPU per successful call, measured window`, r, cores));
      const errors = Object.entries(r.load.errors);
      if (errors.length) out.push(`  errors: ${errors.map(([k, v]) => `${k} x${v}`).join(', ')}`);
    }
    for (const p of m.profiles) out.push('', p);
  }
  console.log(out.join('\n'));

  if (options.json) {
    writeFileSync(
      options.json,
      JSON.stringify(
        { startedAt, machine, node: process.version, options, primitives, limits, floor, modes },
        null,
        2,
      ),
    );
    log(`wrote ${options.json}`);
  }
}

/** The benches other than the default one, each chosen by its flag (the flag is not passed on). */
const BENCHES: Record<string, (args: string[]) => Promise<unknown>> = {
  '--user-enumeration': runUserEnumerationBench,
  '--device-gateway': runDeviceGatewayBench,
  '--device-sync': runDeviceSyncBench,
  '--grpc': runGrpcBench,
  '--remembered-device': runRememberedDeviceBench,
  '--provider-flow': runProviderFlowBench,
  '--oauth-code': runOAuthCodeFlowBench,
  '--totp-sign-in': runTotpSignInBench,
  '--user-import': runUserImportBench,
  '--hosted-pages-timing': runHostedPagesTimingBench,
  '--timing-sources': runTimingSourcesBench,
  ...Object.fromEntries(
    SIGN_IN_VARIANTS.map((v) => [`--${v}`, (args: string[]) => runSignInVariantBench(v, args)]),
  ),
};

const flag = Object.keys(BENCHES).find((f) => process.argv.includes(f));
const entry = flag
  ? () => BENCHES[flag](process.argv.slice(2).filter((a) => a !== flag)).then(() => undefined)
  : main;

entry().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(`bench failed: ${err.stack ?? err.message}`);
    process.exit(1);
  },
);
