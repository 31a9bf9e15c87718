import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client, credentials as grpcCredentials, Metadata } from '@grpc/grpc-js';
import {
  AdminConfirmSignUpCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { loadSync, Type } from 'protobufjs';
import { signRequest } from '@idfed/sigv4';
import { machineCpuMs, machineDescription, totalCpuMs } from './cpu';
import { formatProfile, profilesIn, summariseProfile } from './profile';
import { runLoad } from './load';
import {
  Infrastructure,
  ROOT,
  RunningSystem,
  startDistributed,
  startEmbedded,
  startInfrastructure,
} from './system';

const USAGE = `usage: npm run bench -- --grpc [options]

  VerifyToken over gRPC (each call signed with SigV4 by the admin key, as an internal app signs)
  next to the HTTP path of the same question (Cognito GetUser with the access token), closed loop.

  --distributed      the grpc-gateway app as its own process (Kafka and PostgreSQL from
                     IDFED_BENCH_KAFKA_BROKERS / IDFED_BENCH_DATABASE_URL, else its own); default: embedded
  --concurrency=N    calls in flight (default 64)
  --channels=N       gRPC connections the calls are spread over (default 4)
  --tokens=N         distinct access tokens (users) verified round-robin (default 16)
  --duration=S       measured window (default 10)
  --warmup=S         warm-up before it (default 3)
  --profile          run idfed under node --cpu-prof and print the hot spots
  --json=PATH        also write the figures as JSON
  --keep             keep the temporary directory
`;

interface Options {
  distributed: boolean;
  concurrency: number;
  channels: number;
  tokens: number;
  durationMs: number;
  warmupMs: number;
  json?: string;
  keep: boolean;
  profile: boolean;
}

function parse(argv: string[]): Options {
  const flags = new Map<string, string>();
  for (const arg of argv) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`unexpected argument ${arg}\n\n${USAGE}`);
    flags.set(m[1], m[2] ?? 'true');
  }
  if (flags.has('help')) {
    console.log(USAGE);
    process.exit(0);
  }
  const int = (name: string, fallback: number) => {
    const raw = flags.get(name);
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
    return value;
  };
  return {
    distributed: flags.has('distributed'),
    concurrency: int('concurrency', 64),
    channels: int('channels', 4),
    tokens: int('tokens', 16),
    durationMs: int('duration', 10) * 1000,
    warmupMs: int('warmup', 3) * 1000,
    json: flags.get('json'),
    keep: flags.has('keep'),
    profile: flags.has('profile'),
  };
}

interface Figures {
  calls: number;
  errors: number;
  opsPerS: number;
  p50Ms: number;
  p99Ms: number;
}

function figures(latencies: number[], errors: number, windowMs: number): Figures {
  const sorted = Float64Array.from(latencies).sort();
  const at = (p: number) =>
    sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
  return {
    calls: sorted.length,
    errors,
    opsPerS: Math.round((sorted.length / windowMs) * 1000),
    p50Ms: Number(at(50).toFixed(2)),
    p99Ms: Number(at(99).toFixed(2)),
  };
}

/** Closed-loop VerifyToken calls: each signed anew (SigV4 + a call id), as a real client signs. */
async function grpcLoad(address: string, admin: RunningSystem['admin'], tokens: string[], o: Options) {
  const root = loadSync(join(ROOT, 'proto', 'idfed', 'tokens', 'v1', 'tokens.proto'));
  const req = root.lookupType('idfed.tokens.v1.VerifyTokenRequest');
  const res: Type = root.lookupType('idfed.tokens.v1.VerifyTokenResponse');
  const bodies = tokens.map((token) => Buffer.from(req.encode(req.fromObject({ token })).finish()));
  const channels = Array.from(
    { length: o.channels },
    (_, i) => new Client(address, grpcCredentials.createInsecure(), { 'grpc.channel_id': i }),
  );
  const path = '/idfed.tokens.v1.Tokens/VerifyToken';
  const call = (i: number): Promise<boolean> => {
    const body = bodies[i % bodies.length];
    const signed = signRequest(
      { method: 'POST', path, query: '', headers: { host: address, 'idfed-call-id': randomUUID() }, body },
      admin,
      { region: 'us-east-1', service: 'idfed' },
    );
    const md = new Metadata();
    for (const name of ['authorization', 'x-amz-date', 'idfed-call-id'])
      md.set(name, String(signed.headers[name]));
    return new Promise((resolve) =>
      channels[i % channels.length].makeUnaryRequest<Buffer, { active: boolean }>(
        path,
        (b) => b,
        (b) => res.toObject(res.decode(b)) as { active: boolean },
        body,
        md,
        { deadline: Date.now() + 30_000 },
        (err, answer) => resolve(!err && answer?.active === true),
      ),
    );
  };
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const t0 = performance.now();
  const start = t0 + o.warmupMs;
  const end = start + o.durationMs;
  await Promise.all(
    Array.from({ length: o.concurrency }, async () => {
      while (performance.now() < end) {
        const began = performance.now();
        const ok = await call(next++);
        const done = performance.now();
        if (began >= start && done <= end) {
          if (ok) latencies.push(done - began);
          else errors++;
        }
      }
    }),
  );
  channels.forEach((c) => c.close());
  return figures(latencies, errors, o.durationMs);
}

/**
 * CPU milliseconds the serving process spent in the measured window (all its threads), and the
 * machine's busy share then: on a machine shared with other work, CPU per call is the figure that
 * does not depend on what else ran, and 1000 / (ms per call) is one core's capacity.
 */
function cpuInWindow(pid: number, o: Options): Promise<{ serverMs: number; machineBusyPct: number }> {
  return new Promise((resolve) => {
    setTimeout(() => {
      const s0 = totalCpuMs([pid]);
      const m0 = machineCpuMs();
      setTimeout(() => {
        const m1 = machineCpuMs();
        resolve({
          serverMs: totalCpuMs([pid]) - s0,
          machineBusyPct: Math.round((100 * (m1.busyMs - m0.busyMs)) / (m1.totalMs - m0.totalMs)),
        });
      }, o.durationMs);
    }, o.warmupMs);
  });
}

function perCall(f: { calls: number }, cpu: { serverMs: number; machineBusyPct: number }) {
  const ms = f.calls ? cpu.serverMs / f.calls : NaN;
  return {
    serverCpuMsPerCall: Number(ms.toFixed(3)),
    callsPerCoreSecond: Math.round(1000 / ms),
    machineBusyPct: cpu.machineBusyPct,
  };
}

async function signedInTokens(system: RunningSystem, count: number): Promise<string[]> {
  const sdk = new CognitoIdentityProviderClient({
    endpoint: system.endpoint,
    region: 'us-east-1',
    credentials: system.admin,
    maxAttempts: 1,
  });
  const { UserPool } = await sdk.send(new CreateUserPoolCommand({ PoolName: `grpc-bench-${Date.now()}` }));
  const { UserPoolClient } = await sdk.send(
    new CreateUserPoolClientCommand({
      UserPoolId: UserPool!.Id!,
      ClientName: 'bench',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  );
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const username = `grpc-bench-${i}`;
    await sdk.send(
      new SignUpCommand({
        ClientId: UserPoolClient!.ClientId!,
        Username: username,
        Password: 'Bench-Passw0rd!',
      }),
    );
    await sdk.send(new AdminConfirmSignUpCommand({ UserPoolId: UserPool!.Id!, Username: username }));
    const { AuthenticationResult } = await sdk.send(
      new InitiateAuthCommand({
        ClientId: UserPoolClient!.ClientId!,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD: 'Bench-Passw0rd!' },
      }),
    );
    tokens.push(AuthenticationResult!.AccessToken!);
  }
  sdk.destroy();
  return tokens;
}

export async function runGrpcBench(argv: string[]): Promise<void> {
  const o = parse(argv);
  const workDir = mkdtempSync(join(tmpdir(), 'idfed-bench-grpc-'));
  chmodSync(workDir, 0o755); // the embedded PostgreSQL runs as another user when run as root
  let infra: Infrastructure | undefined;
  let system: RunningSystem | undefined;
  const machine = machineDescription();
  console.log(
    `machine: ${machine.cores} cores, ${machine.cpuModel}, ${machine.memoryGiB} GiB; ${new Date().toISOString()}`,
  );
  try {
    const profileDir = join(workDir, 'profiles');
    const nodeArgs = o.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
    if (o.distributed) {
      const brokers = process.env.IDFED_BENCH_KAFKA_BROKERS;
      const databaseUrl = process.env.IDFED_BENCH_DATABASE_URL;
      infra =
        brokers && databaseUrl
          ? { brokers, databaseUrl, cpuGroups: [], stop: () => Promise.resolve() }
          : await startInfrastructure(workDir, (line) => console.log(line));
      system = await startDistributed({ workDir, nodeArgs, grpcGateway: true }, infra);
    } else {
      system = await startEmbedded({ workDir, nodeArgs });
    }
    const tokens = await signedInTokens(system, o.tokens);
    const grpcPid = system.apps.find((a) => a.name === (o.distributed ? 'grpc-gateway' : 'embedded'))!.child
      .pid!;
    const httpPids = system.apps.filter((a) => a.name !== 'grpc-gateway').map((a) => a.child.pid!);
    const grpcCpu = cpuInWindow(grpcPid, o);
    const grpc = await grpcLoad(system.grpcGateway!, system.admin, tokens, o);
    const grpcCpuUse = await grpcCpu;
    // The HTTP path's CPU is every idfed process's (gateway, and the user directory it asks).
    const httpCpu = new Promise<{ serverMs: number; machineBusyPct: number }>((resolve) => {
      const each = httpPids.map((pid) => cpuInWindow(pid, o));
      void Promise.all(each).then((all) =>
        resolve({ serverMs: all.reduce((a, b) => a + b.serverMs, 0), machineBusyPct: all[0].machineBusyPct }),
      );
    });
    const http = await runLoad({
      endpoint: system.endpoint,
      target: 'AWSCognitoIdentityProviderService.GetUser',
      bodies: tokens.map((t) => Buffer.from(JSON.stringify({ AccessToken: t }))),
      concurrency: o.concurrency,
      warmupMs: o.warmupMs,
      durationMs: o.durationMs,
      accept: (r) => r.status === 200,
    });
    const result = {
      mode: system.mode,
      concurrency: o.concurrency,
      channels: o.channels,
      tokens: o.tokens,
      windowS: o.durationMs / 1000,
      grpcVerifyToken: { ...grpc, ...perCall(grpc, grpcCpuUse) },
      httpGetUser: {
        calls: http.ok,
        errors: Object.values(http.errors).reduce((a, b) => a + b, 0),
        opsPerS: Math.round(http.opsPerS),
        p50Ms: Number(http.p50Ms.toFixed(2)),
        p99Ms: Number(http.p99Ms.toFixed(2)),
        ...perCall({ calls: http.ok }, await httpCpu),
      },
    };
    console.log(JSON.stringify(result, null, 2));
    if (o.json) writeFileSync(o.json, JSON.stringify({ machine, ...result }, null, 2));
    if (o.profile) {
      await system.stop();
      system = undefined;
      for (const file of profilesIn(profileDir)) console.log(formatProfile(summariseProfile(file)));
    }
  } finally {
    await system?.stop();
    await infra?.stop();
    if (!o.keep) rmSync(workDir, { recursive: true, force: true });
  }
}
