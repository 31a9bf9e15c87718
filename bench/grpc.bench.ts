import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
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
  --modes=LIST       what to measure, comma-separated (default unary,stream,mtls,http):
                       unary   VerifyToken, each call signed (SigV4 + a call id claimed)
                       stream  VerifyTokens streams (one per channel), signed once each (ADR 0051)
                       mtls    VerifyToken unsigned over mutual TLS with a mapped client certificate
                               (embedded only: the server is started with TLS for it)
                       http    Cognito GetUser with the access token (the HTTP path)
  --grpc-only        the same as --modes=unary,stream,mtls (quick)
  --batch=N          tokens per VerifyTokens message (default 10)
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
  modes: string[];
  batch: number;
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
    modes: flags.has('grpc-only')
      ? ['unary', 'stream', 'mtls']
      : (flags.get('modes') ?? 'unary,stream,mtls,http').split(',').filter(Boolean),
    batch: int('batch', 10),
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
async function grpcLoad(
  address: string,
  admin: RunningSystem['admin'] | undefined,
  tokens: string[],
  o: Options,
  channelCredentials = grpcCredentials.createInsecure(),
) {
  const root = loadSync(join(ROOT, 'proto', 'idfed', 'tokens', 'v1', 'tokens.proto'));
  const req = root.lookupType('idfed.tokens.v1.VerifyTokenRequest');
  const res: Type = root.lookupType('idfed.tokens.v1.VerifyTokenResponse');
  const bodies = tokens.map((token) => Buffer.from(req.encode(req.fromObject({ token })).finish()));
  const channels = Array.from(
    { length: o.channels },
    (_, i) => new Client(address, channelCredentials, { 'grpc.channel_id': i }),
  );
  const path = '/idfed.tokens.v1.Tokens/VerifyToken';
  const call = (i: number): Promise<boolean> => {
    const body = bodies[i % bodies.length];
    if (!admin) return send(i, body, new Metadata());
    const signed = signRequest(
      { method: 'POST', path, query: '', headers: { host: address, 'idfed-call-id': randomUUID() }, body },
      admin,
      { region: 'us-east-1', service: 'idfed' },
    );
    const md = new Metadata();
    for (const name of ['authorization', 'x-amz-date', 'idfed-call-id'])
      md.set(name, String(signed.headers[name]));
    return send(i, body, md);
  };
  const send = (i: number, body: Buffer, md: Metadata): Promise<boolean> =>
    new Promise((resolve) =>
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
 * Closed-loop VerifyTokens: one stream per channel, each signed once as it opens; `concurrency`
 * messages of `batch` tokens in flight over them. Latency is a message's (its batch's) round trip;
 * the figures count verifications (tokens answered active).
 */
async function streamLoad(
  address: string,
  admin: RunningSystem['admin'],
  tokens: string[],
  o: Options,
  channelCredentials = grpcCredentials.createInsecure(),
) {
  const root = loadSync(join(ROOT, 'proto', 'idfed', 'tokens', 'v1', 'tokens.proto'));
  const req = root.lookupType('idfed.tokens.v1.VerifyTokensRequest');
  const res = root.lookupType('idfed.tokens.v1.VerifyTokensResponse');
  const path = '/idfed.tokens.v1.Tokens/VerifyTokens';
  const message = (n: number) =>
    Buffer.from(
      req
        .encode(
          req.fromObject({
            items: Array.from({ length: o.batch }, (_, k) => ({
              id: String(k),
              request: { token: tokens[(n + k) % tokens.length] },
            })),
          }),
        )
        .finish(),
    );
  const messages = Array.from({ length: tokens.length }, (_, n) => message(n));
  const streams = Array.from({ length: o.channels }, (_, i) => {
    const client = new Client(address, channelCredentials, { 'grpc.channel_id': i });
    const signed = signRequest(
      {
        method: 'POST',
        path,
        query: '',
        headers: { host: address, 'idfed-call-id': randomUUID() },
        body: Buffer.alloc(0),
      },
      admin,
      { region: 'us-east-1', service: 'idfed' },
    );
    const md = new Metadata();
    for (const name of ['authorization', 'x-amz-date', 'idfed-call-id'])
      md.set(name, String(signed.headers[name]));
    const call = client.makeBidiStreamRequest<Buffer, { results: { response: { active: boolean } }[] }>(
      path,
      (b) => b,
      (b) => res.toObject(res.decode(b)) as { results: { response: { active: boolean } }[] },
      md,
    );
    const waiting: ((active: number) => void)[] = [];
    call.on('data', (r: { results: { response: { active: boolean } }[] }) =>
      waiting.shift()?.(r.results.filter((x) => x.response?.active).length),
    );
    call.on('error', () => waiting.splice(0).forEach((w) => w(0)));
    return { client, call, waiting };
  });
  const latencies: number[] = [];
  let errors = 0;
  let verified = 0;
  let next = 0;
  const t0 = performance.now();
  const start = t0 + o.warmupMs;
  const end = start + o.durationMs;
  await Promise.all(
    Array.from({ length: o.concurrency }, async (_, w) => {
      const s = streams[w % streams.length];
      while (performance.now() < end) {
        const began = performance.now();
        const active = await new Promise<number>((resolve) => {
          s.waiting.push(resolve);
          s.call.write(messages[next++ % messages.length]);
        });
        const done = performance.now();
        if (began >= start && done <= end) {
          latencies.push(done - began);
          verified += active;
          errors += o.batch - active;
        }
      }
    }),
  );
  for (const s of streams) {
    s.call.end();
    s.client.close();
  }
  const f = figures(latencies, errors, o.durationMs);
  return { ...f, messages: f.calls, calls: verified, opsPerS: Math.round((verified / o.durationMs) * 1000) };
}

/** A CA, a server certificate for 127.0.0.1 and a client certificate, made with the openssl CLI. */
function makeCertificates(dir: string): { fingerprint: string; pem: (name: string) => Buffer } {
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  run('req', '-x509', ...ecKey, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=bench-ca');
  for (const [name, ext] of [
    ['server', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n'],
    ['app', 'extendedKeyUsage=clientAuth\n'],
  ]) {
    run('req', ...ecKey, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
    writeFileSync(join(dir, `${name}.ext`), ext);
    run(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      `${name}.pem`,
      '-days',
      '1',
      '-extfile',
      `${name}.ext`,
    );
  }
  const fingerprint = run('x509', '-in', 'app.pem', '-noout', '-fingerprint', '-sha256')
    .toString()
    .trim()
    .split('=')[1];
  return { fingerprint, pem: (name) => readFileSync(join(dir, name)) };
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

/** The figures as a table: one row per path measured. */
function printTable(result: Record<string, unknown>): void {
  const rows: [string, string][] = [
    ['grpcVerifyToken', 'gRPC VerifyToken, signed'],
    ['grpcVerifyTokensStream', 'gRPC VerifyTokens stream'],
    ['grpcVerifyTokenMtls', 'gRPC VerifyToken, mTLS unsigned'],
    ['httpGetUser', 'HTTP GetUser'],
  ];
  const head = [
    'path',
    'verifications/s',
    'p50 ms',
    'p99 ms',
    'errors',
    'server CPU ms/verif.',
    'per core-s',
    'machine busy %',
  ];
  const lines = rows
    .filter(([key]) => result[key])
    .map(([key, label]) => {
      const f = result[key] as Figures & ReturnType<typeof perCall>;
      return [
        label,
        f.opsPerS,
        f.p50Ms,
        f.p99Ms,
        f.errors,
        f.serverCpuMsPerCall,
        f.callsPerCoreSecond,
        f.machineBusyPct,
      ].map(String);
    });
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(
    `\n${String(result.mode)}, ${String(result.concurrency)} in flight over ${String(result.channels)} channels, stream batch ${String(result.batch)}, load average ${String(result.loadAverage)}`,
  );
  console.log(fmt(head));
  for (const l of lines) console.log(fmt(l));
  console.log('(stream p50/p99: one message of `batch` tokens)\n');
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
    const mtls = o.modes.includes('mtls') && !o.distributed;
    if (o.modes.includes('mtls') && o.distributed) console.log('mtls: embedded only; skipped');
    const certDir = join(workDir, 'certs');
    mkdirSync(certDir);
    const certs = mtls ? makeCertificates(certDir) : undefined;
    if (o.distributed) {
      const brokers = process.env.IDFED_BENCH_KAFKA_BROKERS;
      const databaseUrl = process.env.IDFED_BENCH_DATABASE_URL;
      infra =
        brokers && databaseUrl
          ? { brokers, databaseUrl, cpuGroups: [], stop: () => Promise.resolve() }
          : await startInfrastructure(workDir, (line) => console.log(line));
      system = await startDistributed({ workDir, nodeArgs, grpcGateway: true }, infra);
    } else {
      system = await startEmbedded({
        workDir,
        nodeArgs,
        ...(certs
          ? {
              env: {
                IDFED_GRPC_TLS_CERT_FILE: join(certDir, 'server.pem'),
                IDFED_GRPC_TLS_KEY_FILE: join(certDir, 'server.key'),
                IDFED_GRPC_TLS_CLIENT_CA_FILE: join(certDir, 'ca.pem'),
                IDFED_GRPC_CERT_PRINCIPALS: `${certs.fingerprint}=admin`,
              },
            }
          : {}),
      });
    }
    const tokens = await signedInTokens(system, o.tokens);
    const grpcPid = system.apps.find((a) => a.name === (o.distributed ? 'grpc-gateway' : 'embedded'))!.child
      .pid!;
    const httpPids = system.apps.filter((a) => a.name !== 'grpc-gateway').map((a) => a.child.pid!);
    const tls = certs
      ? grpcCredentials.createSsl(certs.pem('ca.pem'), certs.pem('app.key'), certs.pem('app.pem'))
      : undefined;
    // With mutual TLS on, the signed modes speak it too (the certificate is then mapped, and the
    // signature is not checked: run without mtls to measure signed calls over plaintext).
    const signedChannel = certs
      ? grpcCredentials.createSsl(certs.pem('ca.pem'), certs.pem('app.key'), certs.pem('app.pem'))
      : grpcCredentials.createInsecure();
    const measured = async <T extends { calls: number }>(run: () => Promise<T>) => {
      const cpu = cpuInWindow(grpcPid, o);
      const f = await run();
      return { ...f, ...perCall(f, await cpu) };
    };
    const result: Record<string, unknown> = {
      mode: system.mode,
      concurrency: o.concurrency,
      channels: o.channels,
      tokens: o.tokens,
      batch: o.batch,
      windowS: o.durationMs / 1000,
      loadAverage: loadavg().map((l) => Number(l.toFixed(1))),
    };
    const address = system.grpcGateway!;
    if (o.modes.includes('unary'))
      result.grpcVerifyToken = await measured(() =>
        grpcLoad(address, system!.admin, tokens, o, signedChannel),
      );
    if (o.modes.includes('stream'))
      result.grpcVerifyTokensStream = await measured(() =>
        streamLoad(address, system!.admin, tokens, o, signedChannel),
      );
    if (tls) result.grpcVerifyTokenMtls = await measured(() => grpcLoad(address, undefined, tokens, o, tls));
    if (o.modes.includes('http')) {
      // The HTTP path's CPU is every idfed process's (gateway, and the user directory it asks).
      const httpCpu = new Promise<{ serverMs: number; machineBusyPct: number }>((resolve) => {
        const each = httpPids.map((pid) => cpuInWindow(pid, o));
        void Promise.all(each).then((all) =>
          resolve({
            serverMs: all.reduce((a, b) => a + b.serverMs, 0),
            machineBusyPct: all[0].machineBusyPct,
          }),
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
      result.httpGetUser = {
        calls: http.ok,
        errors: Object.values(http.errors).reduce((a, b) => a + b, 0),
        opsPerS: Math.round(http.opsPerS),
        p50Ms: Number(http.p50Ms.toFixed(2)),
        p99Ms: Number(http.p99Ms.toFixed(2)),
        ...perCall({ calls: http.ok }, await httpCpu),
      };
    }
    printTable(result);
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
