import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  SetIdentityPoolRolesCommand,
} from '@aws-sdk/client-cognito-identity';
import { IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { Client } from 'pg';
import { DeviceSyncTopics } from '@idfed/contracts';
import {
  DeviceCredentials,
  DeviceSocket,
  openDevice,
  presignSyncUrl,
} from '../apps/device-gateway/test/device-client';
import { createIdentityPoolRole } from '../libs/testing/src/identity-pool-roles';
import {
  Infrastructure,
  RunningSystem,
  startDistributed,
  startEmbedded,
  startInfrastructure,
} from './system';

const USAGE = `usage: npm run bench -- --device-gateway [options]

  --sockets=N            idle authenticated sockets to hold, each subscribed to * (default 2000)
  --identities=N         identities the sockets belong to (default 100)
  --source-addresses=N   spread the sockets over 127.0.0.1 .. 127.0.0.N (default 1; each address
                         gives about 28,000 ephemeral ports)
  --pushes=N             pushes timed, one at a time, while the sockets are held (default 200)
  --hold=S               hold the sockets S seconds before the pushes, reading the process's
                         resident memory every second (default 5; the heartbeat is every 30 s)
  --distributed          the device-gateway app on Kafka (IDFED_BENCH_KAFKA_BROKERS and
                         IDFED_BENCH_DATABASE_URL, else a Kafka and PostgreSQL of its own); the
                         push is timed from the event's produce call on Kafka to its frame.
                         Embedded, it is timed from the event's outbox row to its frame, which
                         includes the relay's poll (every 500 ms): a row written from outside the
                         process does not nudge the relay.
  --json=PATH            also write the figures as JSON
  --keep                 keep the temporary directory
`;

interface Options {
  sockets: number;
  identities: number;
  sourceAddresses: number;
  pushes: number;
  hold: number;
  distributed: boolean;
  json?: string;
  keep: boolean;
}

function parse(argv: string[]): Options {
  const flags = new Map<string, string>();
  for (const arg of argv) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`unexpected argument ${arg}\n\n${USAGE}`);
    flags.set(m[1], m[2] ?? 'true');
  }
  const known = [
    'sockets',
    'identities',
    'source-addresses',
    'pushes',
    'hold',
    'distributed',
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
  const int = (name: string, fallback: number, min: number, max: number) => {
    const raw = flags.get(name);
    if (raw === undefined) return fallback;
    const v = Number(raw);
    if (!Number.isInteger(v) || v < min || v > max)
      throw new Error(`--${name} must be an integer from ${min} to ${max}`);
    return v;
  };
  return {
    sockets: int('sockets', 2000, 1, 200_000),
    identities: int('identities', 100, 1, 10_000),
    sourceAddresses: int('source-addresses', 1, 1, 250),
    pushes: int('pushes', 200, 1, 100_000),
    hold: int('hold', 5, 1, 3600),
    distributed: flags.has('distributed'),
    json: flags.get('json'),
    keep: flags.has('keep'),
  };
}

function rssBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) * 1024;
}

/** The process's open descriptors and its limit on them: how many sockets it could ever hold. */
function descriptors(pid: number): { open: number; limit: number } {
  const limits = readFileSync(`/proc/${pid}/limits`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('Max open files'));
  return {
    open: readdirSync(`/proc/${pid}/fd`).length,
    limit: Number(/Max open files\s+(\d+)/.exec(limits ?? '')?.[1] ?? NaN),
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An identity pool whose guests may use their own datasets, and `count` identities' credentials. */
async function identities(
  system: RunningSystem,
  count: number,
): Promise<{ poolId: string; identities: { identityId: string; credentials: DeviceCredentials }[] }> {
  const base = { endpoint: system.endpoint, region: 'us-east-1', maxAttempts: 3 };
  const iam = new IAMClient({ ...base, credentials: system.admin });
  const admin = new CognitoIdentityClient({ ...base, credentials: system.admin });
  const app = new CognitoIdentityClient({
    ...base,
    credentials: { accessKeyId: 'ANONYMOUS', secretAccessKey: 'anonymous' },
  });
  try {
    const { IdentityPoolId } = await admin.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: 'bench-devices',
        AllowUnauthenticatedIdentities: true,
      }),
    );
    const roleName = `bench-devices-${randomUUID().slice(0, 6)}`;
    const roleArn = await createIdentityPoolRole(iam, roleName, IdentityPoolId!, 'unauthenticated');
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: roleName,
        PolicyName: 'own-datasets',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 'cognito-sync:*',
              Resource: `arn:aws:cognito-sync:us-east-1:000000000000:identitypool/${IdentityPoolId}/identity/\${cognito-identity.amazonaws.com:sub}/*`,
            },
          ],
        }),
      }),
    );
    await admin.send(
      new SetIdentityPoolRolesCommand({ IdentityPoolId, Roles: { unauthenticated: roleArn } }),
    );
    const out: { identityId: string; credentials: DeviceCredentials }[] = [];
    for (let i = 0; i < count; i++) {
      const { IdentityId } = await app.send(new GetIdCommand({ IdentityPoolId }));
      const { Credentials } = await app.send(new GetCredentialsForIdentityCommand({ IdentityId }));
      out.push({
        identityId: IdentityId!,
        credentials: {
          accessKeyId: Credentials!.AccessKeyId!,
          secretAccessKey: Credentials!.SecretKey!,
          sessionToken: Credentials!.SessionToken!,
        },
      });
    }
    return { poolId: IdentityPoolId!, identities: out };
  } finally {
    iam.destroy();
    admin.destroy();
    app.destroy();
  }
}

/**
 * `npm run bench -- --device-gateway`: idle authenticated sockets one device gateway process holds,
 * its memory per socket, and the latency from a dataset-changed event to the SyncTrigger frame
 * while they are held. See docs/performance.md.
 */
export async function runDeviceGatewayBench(argv: string[]): Promise<void> {
  const options = parse(argv);
  const log = (line: string) =>
    console.error(`[device-gateway ${new Date().toISOString().slice(11, 19)}] ${line}`);
  const workDir = mkdtempSync(join(tmpdir(), 'idfed-bench-devices-'));
  chmodSync(workDir, 0o755);
  let infra: Infrastructure | undefined;
  let system: RunningSystem | undefined;
  const sockets: DeviceSocket[] = [];
  try {
    if (options.distributed) {
      const brokers = process.env.IDFED_BENCH_KAFKA_BROKERS;
      const databaseUrl = process.env.IDFED_BENCH_DATABASE_URL;
      infra =
        brokers && databaseUrl
          ? { brokers, databaseUrl, cpuGroups: [], stop: () => Promise.resolve() }
          : await startInfrastructure(workDir, log);
      system = await startDistributed({ workDir, nodeArgs: [], deviceGateway: true }, infra);
    } else {
      system = await startEmbedded({ workDir, nodeArgs: [] });
    }
    const gatewayApp = system.apps.find(
      (a) => a.name === (options.distributed ? 'device-gateway' : 'embedded'),
    )!;
    const pid = gatewayApp.child.pid!;
    const endpoint = system.deviceGateway!;
    log(`idfed ${system.mode} up; device gateway at ${endpoint} (pid ${pid})`);
    const { poolId, identities: ids } = await identities(
      system,
      Math.min(options.identities, options.sockets) + 1,
    );
    const timed = ids.pop()!;
    const urls = await Promise.all(
      ids.map((id) => presignSyncUrl(endpoint, id.credentials, { expiresIn: 3600 })),
    );
    await settle(2000);
    const before = rssBytes(pid);

    log(`opening ${options.sockets} sockets over ${options.sourceAddresses} source address(es)`);
    const openStarted = performance.now();
    let failures = 0;
    let next = 0;
    const opener = async () => {
      while (next < options.sockets) {
        const i = next++;
        try {
          const s = await openDevice(urls[i % urls.length], {
            localAddress: `127.0.0.${1 + (i % options.sourceAddresses)}`,
          });
          s.send({ action: 'subscribe', datasetName: '*' });
          await s.next((f) => f.type === 'subscribed', 60_000);
          sockets.push(s);
        } catch {
          failures++;
        }
      }
    };
    await Promise.all(Array.from({ length: 64 }, opener));
    const openSeconds = (performance.now() - openStarted) / 1000;
    const samples: number[] = [];
    for (let s = 0; s < options.hold; s++) {
      await settle(1000);
      samples.push(rssBytes(pid));
    }
    const after = samples[samples.length - 1];
    const fds = descriptors(pid);
    const held = sockets.filter((s) => s.ws.readyState === s.ws.OPEN).length;
    const perSocket = held > 0 ? (after - before) / held : 0;
    const mib = (b: number) => (b / 2 ** 20).toFixed(0);
    log(
      `held ${held} sockets (${failures} failed to open) in ${openSeconds.toFixed(1)} s; RSS ${mib(before)} -> ${mib(after)} MiB (over ${options.hold} s: ${mib(Math.min(...samples))}-${mib(Math.max(...samples))} MiB), ${(perSocket / 1024).toFixed(1)} KiB per socket; ${fds.open} descriptors open of its limit ${fds.limit}`,
    );

    // Push latency: one more device, timed one push at a time while the others are held.
    const device = await openDevice(await presignSyncUrl(endpoint, timed.credentials));
    sockets.push(device);
    device.send({ action: 'subscribe', datasetName: '*' });
    await device.next();
    const publish = await publisher(system, infra, options.distributed);
    const latencies: number[] = [];
    try {
      for (let i = 1; i <= options.pushes; i++) {
        const started = performance.now();
        await publish({ identityPoolId: poolId, identityId: timed.identityId, syncCount: i });
        await device.next((f) => f.syncCount === i, 30_000);
        latencies.push(performance.now() - started);
      }
    } finally {
      await publish.close();
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    const latency = {
      from: options.distributed ? 'produce call on Kafka' : 'outbox row (relay poll included)',
      pushes: sorted.length,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      max: sorted[sorted.length - 1],
    };
    log(
      `push latency from ${latency.from} to frame: p50 ${latency.p50.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms, max ${latency.max.toFixed(1)} ms (${latency.pushes} pushes, ${held} idle sockets held)`,
    );
    const result = {
      mode: system.mode,
      sockets: { requested: options.sockets, held, failures, openSeconds },
      memory: {
        rssBeforeBytes: before,
        rssAfterBytes: after,
        rssWhileHeldBytes: { min: Math.min(...samples), max: Math.max(...samples) },
        bytesPerSocket: perSocket,
      },
      descriptors: fds,
      latency,
      node: process.version,
    };
    console.log(JSON.stringify(result, null, 2));
    if (options.json) writeFileSync(options.json, JSON.stringify(result, null, 2));
  } finally {
    for (const s of sockets) s.ws.terminate();
    await system?.stop();
    await infra?.stop();
    if (options.keep) log(`kept ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }
}

type Publish = ((event: {
  identityPoolId: string;
  identityId: string;
  syncCount: number;
}) => Promise<void>) & {
  close(): Promise<void>;
};

/** Distributed: produce straight to the topic. Embedded: a row in device sync's outbox. */
async function publisher(
  system: RunningSystem,
  infra: Infrastructure | undefined,
  distributed: boolean,
): Promise<Publish> {
  const value = (e: { identityPoolId: string; identityId: string; syncCount: number }) => ({
    ...e,
    datasetName: 'settings',
    deleted: false,
    occurredAt: new Date().toISOString(),
  });
  if (distributed) {
    const kafka = new Kafka({
      clientId: 'bench-devices',
      brokers: infra!.brokers.split(','),
      logLevel: logLevel.NOTHING,
    });
    const producer: Producer = kafka.producer();
    await producer.connect();
    const publish = (async (e) => {
      const eventId = randomUUID();
      await producer.send({
        topic: DeviceSyncTopics.datasetChanged,
        acks: -1,
        messages: [
          { key: e.identityId, value: JSON.stringify(value(e)), headers: { 'idfed-event-id': eventId } },
        ],
      });
    }) as Publish;
    publish.close = () => producer.disconnect();
    return publish;
  }
  const dataDir = join(system.apps[0].logFile, '..', 'data');
  const password = readFileSync(join(dataDir, 'postgres-password'), 'utf8').trim();
  // The embedded cluster's port is the fourth line of its postmaster.pid.
  const pgPort = readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')
    .split('\n')[3]
    .trim();
  const db = new Client({
    connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/idfed`,
  });
  await db.connect();
  const publish = (async (e) => {
    const eventId = randomUUID();
    await db.query(
      'INSERT INTO device_sync.outbox (event_id, topic, key, payload, headers) VALUES ($1, $2, $3, $4, $5)',
      [
        eventId,
        DeviceSyncTopics.datasetChanged,
        e.identityId,
        JSON.stringify(value(e)),
        JSON.stringify({ 'idfed-event-id': eventId }),
      ],
    );
  }) as Publish;
  publish.close = () => db.end();
  return publish;
}
