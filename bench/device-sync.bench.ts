import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  SetIdentityPoolRolesCommand,
} from '@aws-sdk/client-cognito-identity';
import { CognitoSyncClient, ListRecordsCommand, UpdateRecordsCommand } from '@aws-sdk/client-cognito-sync';
import { IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { Consumer, Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { DeviceSyncTopics } from '@idfed/contracts';
import { DeviceCredentials, openDevice, presignSyncUrl } from '../apps/device-gateway/test/device-client';
import { createIdentityPoolRole } from '../libs/testing/src/identity-pool-roles';
import {
  Infrastructure,
  RunningSystem,
  startDistributed,
  startEmbedded,
  startInfrastructure,
} from './system';

const USAGE = `usage: npm run bench -- --device-sync [options]

  --concurrency=LIST     UpdateRecords callers for the throughput phase, one level after another
                         (default 1,4,16); each caller is one identity writing one record of its
                         own dataset with the AWS SDK, closed loop
  --seconds=N            length of each throughput level (default 10)
  --pushes=N             latency samples: UpdateRecords by one device, the SyncTrigger frame timed
                         at another connected device of the same identity, one at a time (default 200)
  --skip-throughput      only the latency phase
  --skip-latency         only the throughput phase
  --distributed          one process per app over Kafka (IDFED_BENCH_KAFKA_BROKERS and
                         IDFED_BENCH_DATABASE_URL, else a Kafka and PostgreSQL of its own); a
                         consumer of the bench's own on device-sync.dataset.changed.v1 splits the
                         latency into its Kafka and device-gateway parts
  --json=PATH            also write the figures as JSON
  --keep                 keep the temporary directory
`;

interface Options {
  concurrency: number[];
  seconds: number;
  pushes: number;
  throughput: boolean;
  latency: boolean;
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
    'concurrency',
    'seconds',
    'pushes',
    'skip-throughput',
    'skip-latency',
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
  const int = (name: string, raw: string | undefined, fallback: number, min: number, max: number) => {
    if (raw === undefined) return fallback;
    const v = Number(raw);
    if (!Number.isInteger(v) || v < min || v > max)
      throw new Error(`--${name} must be an integer from ${min} to ${max}`);
    return v;
  };
  const levels = (flags.get('concurrency') ?? '1,4,16')
    .split(',')
    .map((v) => int('concurrency', v, 1, 1, 256));
  return {
    concurrency: levels,
    seconds: int('seconds', flags.get('seconds'), 10, 1, 600),
    pushes: int('pushes', flags.get('pushes'), 200, 1, 100_000),
    throughput: !flags.has('skip-throughput'),
    latency: !flags.has('skip-latency'),
    distributed: flags.has('distributed'),
    json: flags.get('json'),
    keep: flags.has('keep'),
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function summary(values: number[]): {
  n: number;
  min: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
} {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    min: sorted[0],
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1],
  };
}

const ms = (v: number) => `${v.toFixed(1)} ms`;

interface Identity {
  identityId: string;
  credentials: DeviceCredentials;
}

/** An identity pool whose guests may use their own datasets, and `count` identities' credentials. */
async function identities(
  system: RunningSystem,
  count: number,
): Promise<{ poolId: string; ids: Identity[] }> {
  const base = { endpoint: system.endpoint, region: 'us-east-1', maxAttempts: 3 };
  const iam = new IAMClient({ ...base, credentials: system.admin });
  const admin = new CognitoIdentityClient({ ...base, credentials: system.admin });
  const app = new CognitoIdentityClient({
    ...base,
    credentials: { accessKeyId: 'ANONYMOUS', secretAccessKey: 'anonymous' },
  });
  try {
    const { IdentityPoolId } = await admin.send(
      new CreateIdentityPoolCommand({ IdentityPoolName: 'bench-sync', AllowUnauthenticatedIdentities: true }),
    );
    const roleName = `bench-sync-${randomUUID().slice(0, 6)}`;
    const roleArn = await createIdentityPoolRole(iam, roleName, IdentityPoolId!, 'unauthenticated');
    const own = `arn:aws:cognito-sync:us-east-1:000000000000:identitypool/${IdentityPoolId}/identity/\${cognito-identity.amazonaws.com:sub}`;
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: roleName,
        PolicyName: 'own-datasets',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'cognito-sync:*', Resource: [own, `${own}/*`] }],
        }),
      }),
    );
    await admin.send(
      new SetIdentityPoolRolesCommand({ IdentityPoolId, Roles: { unauthenticated: roleArn } }),
    );
    const ids: Identity[] = [];
    for (let i = 0; i < count; i++) {
      const { IdentityId } = await app.send(new GetIdCommand({ IdentityPoolId }));
      const { Credentials } = await app.send(new GetCredentialsForIdentityCommand({ IdentityId }));
      ids.push({
        identityId: IdentityId!,
        credentials: {
          accessKeyId: Credentials!.AccessKeyId!,
          secretAccessKey: Credentials!.SecretKey!,
          sessionToken: Credentials!.SessionToken!,
        },
      });
    }
    return { poolId: IdentityPoolId!, ids };
  } finally {
    iam.destroy();
    admin.destroy();
    app.destroy();
  }
}

/**
 * Embedded only: a connection to the embedded PostgreSQL, to read how many transactions committed
 * (`pg_stat_database.xact_commit`, every service's, the relays' polls included) per UpdateRecords.
 * The statistics are flushed about once a second, so each reading is taken after a 1.5 s wait.
 */
async function embeddedDatabase(system: RunningSystem): Promise<Client> {
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
  return db;
}

async function commits(db: Client): Promise<number> {
  await new Promise((r) => setTimeout(r, 1500));
  const { rows } = await db.query<{ n: string }>(
    `SELECT xact_commit::text AS n FROM pg_stat_database WHERE datname = current_database()`,
  );
  return Number(rows[0].n);
}

/** One device writing one record of one dataset over and over, as a closed-loop caller. */
class Writer {
  readonly client: CognitoSyncClient;
  private token?: string;
  private recordSyncCount = 0;

  constructor(
    system: RunningSystem,
    private readonly poolId: string,
    private readonly identity: Identity,
    private readonly datasetName: string,
    private readonly deviceId: string,
  ) {
    this.client = new CognitoSyncClient({
      endpoint: system.endpoint,
      region: 'us-east-1',
      maxAttempts: 1,
      credentials: identity.credentials,
    });
  }

  private get ids() {
    return {
      IdentityPoolId: this.poolId,
      IdentityId: this.identity.identityId,
      DatasetName: this.datasetName,
    };
  }

  /** ListRecords: the session token every UpdateRecords of this writer presents (valid 15 minutes). */
  async open(): Promise<void> {
    const listed = await this.client.send(new ListRecordsCommand(this.ids));
    this.token = listed.SyncSessionToken;
    this.recordSyncCount = listed.Records?.find((r) => r.Key === 'k')?.SyncCount ?? 0;
  }

  /** One accepted UpdateRecords; returns the dataset's new sync count (the record's). */
  async write(value: string): Promise<number> {
    const out = await this.client.send(
      new UpdateRecordsCommand({
        ...this.ids,
        SyncSessionToken: this.token,
        DeviceId: this.deviceId,
        RecordPatches: [{ Op: 'replace', Key: 'k', Value: value, SyncCount: this.recordSyncCount }],
      }),
    );
    this.recordSyncCount = out.Records![0].SyncCount!;
    return this.recordSyncCount;
  }
}

/**
 * `npm run bench -- --device-sync`: UpdateRecords throughput at several concurrency levels, and
 * the latency from an accepted UpdateRecords (the SDK call returning) to the SyncTrigger frame at
 * another connected device of the same identity. See docs/performance.md.
 */
export async function runDeviceSyncBench(argv: string[]): Promise<void> {
  const options = parse(argv);
  const log = (line: string) =>
    console.error(`[device-sync ${new Date().toISOString().slice(11, 19)}] ${line}`);
  const workDir = mkdtempSync(join(tmpdir(), 'idfed-bench-sync-'));
  chmodSync(workDir, 0o755);
  let infra: Infrastructure | undefined;
  let system: RunningSystem | undefined;
  const writers: Writer[] = [];
  const result: Record<string, unknown> = {
    startedAt: new Date().toISOString(),
    node: process.version,
    loadAverageAtStart: loadavg(),
  };
  try {
    if (options.distributed) {
      const brokers = process.env.IDFED_BENCH_KAFKA_BROKERS;
      const databaseUrl = process.env.IDFED_BENCH_DATABASE_URL;
      infra =
        brokers && databaseUrl
          ? { brokers, databaseUrl, cpuGroups: [], stop: () => Promise.resolve() }
          : await startInfrastructure(workDir, log);
      system = await startDistributed({ workDir, nodeArgs: [], deviceGateway: options.latency }, infra);
    } else {
      system = await startEmbedded({ workDir, nodeArgs: [] });
    }
    result.mode = system.mode;
    log(`idfed ${system.mode} up at ${system.endpoint}`);
    const maxLevel = options.throughput ? Math.max(...options.concurrency) : 0;
    const { poolId, ids } = await identities(system, maxLevel + 1);
    const timed = ids.pop()!;

    if (options.throughput) {
      for (let i = 0; i < maxLevel; i++) {
        writers.push(new Writer(system, poolId, ids[i], 'bench', `writer-${i}`));
      }
      await Promise.all(writers.map((w) => w.open()));
      // Warm-up: each writer's dataset exists and its connection is open before the clock starts.
      await Promise.all(writers.map((w) => w.write('warm')));
      const levels: unknown[] = [];
      const db = options.distributed ? undefined : await embeddedDatabase(system);
      // The commits an idle system makes (the relays' polls): subtracted from each level's count.
      let idlePerSecond = 0;
      if (db) {
        const t0 = performance.now();
        const c0 = await commits(db);
        await new Promise((r) => setTimeout(r, 5000));
        const c1 = await commits(db);
        idlePerSecond = (c1 - c0) / ((performance.now() - t0) / 1000);
        log(`idle: ${idlePerSecond.toFixed(1)} database commits per second`);
      }
      try {
        for (const c of options.concurrency) {
          const commitsBefore = db ? await commits(db) : undefined;
          const countStarted = performance.now();
          const latencies: number[] = [];
          const errors = new Map<string, number>();
          const deadline = performance.now() + options.seconds * 1000;
          const load0 = loadavg()[0];
          const started = performance.now();
          await Promise.all(
            writers.slice(0, c).map(async (w, i) => {
              let n = 0;
              while (performance.now() < deadline) {
                const t0 = performance.now();
                try {
                  await w.write(`v-${i}-${n++}`);
                  latencies.push(performance.now() - t0);
                } catch (err) {
                  const name = (err as Error).name;
                  errors.set(name, (errors.get(name) ?? 0) + 1);
                  await w.open(); // a conflict or an expired session: start over as an app would
                }
              }
            }),
          );
          const seconds = (performance.now() - started) / 1000;
          const s = summary(latencies);
          // Every attempt (failed ones too) ran a transaction; the difference includes the relays' polls.
          const calls = latencies.length + [...errors.values()].reduce((a, b) => a + b, 0);
          const commitsPerCall =
            db && commitsBefore !== undefined
              ? ((await commits(db)) -
                  commitsBefore -
                  idlePerSecond * ((performance.now() - countStarted) / 1000)) /
                calls
              : undefined;
          const level = {
            concurrency: c,
            seconds,
            calls: s.n,
            perSecond: s.n / seconds,
            latency: { p50: s.p50, p99: s.p99, max: s.max },
            errors: Object.fromEntries(errors),
            loadAverage1m: [load0, loadavg()[0]],
            ...(commitsPerCall !== undefined
              ? { databaseCommitsPerCall: commitsPerCall, idleCommitsPerSecond: idlePerSecond }
              : {}),
          };
          levels.push(level);
          log(
            `UpdateRecords c=${c}: ${level.perSecond.toFixed(1)} /s (${s.n} in ${seconds.toFixed(1)} s), p50 ${ms(s.p50)}, p99 ${ms(s.p99)}, errors ${JSON.stringify(level.errors)}, load ${load0.toFixed(1)} -> ${loadavg()[0].toFixed(1)}${commitsPerCall !== undefined ? `, ${commitsPerCall.toFixed(2)} database commits per call beyond the idle rate` : ''}`,
          );
        }
      } finally {
        await db?.end();
      }
      result.throughput = levels;
    }

    if (options.latency) {
      result.latency = await pushLatency(system, infra, poolId, timed, options.pushes, log);
    }
    result.loadAverageAtEnd = loadavg();
    console.log(JSON.stringify(result, null, 2));
    if (options.json) writeFileSync(options.json, JSON.stringify(result, null, 2));
  } finally {
    for (const w of writers) w.client.destroy();
    await system?.stop();
    await infra?.stop();
    if (options.keep) log(`kept ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }
}

/**
 * Device A writes (UpdateRecords with its DeviceId), device B, a websocket of the same identity
 * subscribed to the dataset, is told. One write at a time, so each figure is one change's path
 * through an otherwise idle system. Times are taken when the frame's bytes are handed to the
 * client's 'message' listener, not when the bench gets round to looking.
 */
async function pushLatency(
  system: RunningSystem,
  infra: Infrastructure | undefined,
  poolId: string,
  identity: Identity,
  pushes: number,
  log: (line: string) => void,
): Promise<unknown> {
  const writer = new Writer(system, poolId, identity, 'settings', 'device-a');
  const device = await openDevice(await presignSyncUrl(system.deviceGateway!, identity.credentials));
  const frameAt = new Map<number, number>();
  const frameWaiters = new Map<number, () => void>();
  device.ws.on('message', (data: Buffer) => {
    const at = performance.now();
    const frame = JSON.parse(data.toString('utf8')) as { type?: string; syncCount?: number };
    if (frame.type !== 'SyncTrigger' || typeof frame.syncCount !== 'number') return;
    frameAt.set(frame.syncCount, at);
    frameWaiters.get(frame.syncCount)?.();
  });
  const frameOf = (n: number) => waitFor(n, frameAt, frameWaiters, 30_000);
  device.send({ action: 'subscribe', datasetName: 'settings' });
  await device.next((f) => f.type === 'subscribed');
  const tap = infra ? await kafkaTap(infra.brokers, identity.identityId) : undefined;
  try {
    await writer.open();
    // Warm-up: the dataset exists, the connections are open, the paths are compiled.
    for (let i = 0; i < 20; i++) {
      await frameOf(await writer.write(`warm-${i}`));
    }
    const fromReturn: number[] = [];
    const fromCall: number[] = [];
    const call: number[] = [];
    const toKafka: number[] = [];
    const kafkaToFrame: number[] = [];
    const outboxToProducer: number[] = [];
    const producerToConsumer: number[] = [];
    const pingLatency: number[] = [];
    let frameFirst = 0;
    for (let i = 0; i < pushes; i++) {
      const t0 = performance.now();
      const n = await writer.write(`v-${i}`);
      const t1 = performance.now();
      const t2 = await frameOf(n);
      call.push(t1 - t0);
      fromCall.push(t2 - t0);
      fromReturn.push(t2 - t1);
      if (t2 < t1) frameFirst++;
      const seen = tap?.seenAt.get(n);
      if (seen !== undefined) {
        toKafka.push(seen - t1);
        kafkaToFrame.push(t2 - seen);
      }
      const stage = tap?.stages.get(n);
      if (stage) {
        outboxToProducer.push(stage.producedWallMs - stage.occurredWallMs);
        producerToConsumer.push(stage.seenWallMs - stage.producedWallMs);
      }
      if (tap) pingLatency.push(await tap.ping(i));
      // A short pause: each change meets an idle relay and consumer, as an app's would.
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20));
    }
    const out = {
      pushes,
      updateRecordsCall: summary(call),
      returnToFrame: summary(fromReturn),
      callStartToFrame: summary(fromCall),
      framesBeforeTheCallReturned: frameFirst,
      ...(tap
        ? {
            returnToBenchConsumer: summary(toKafka),
            benchConsumerToFrame: summary(kafkaToFrame),
            wallClockMs: {
              outboxRowToProducer: summary(outboxToProducer),
              producerToBenchConsumer: summary(producerToConsumer),
            },
            kafkaFloor: summary(pingLatency),
          }
        : {}),
      loadAverage1m: loadavg()[0],
    };
    log(
      `UpdateRecords return -> SyncTrigger frame at the other device: p50 ${ms(out.returnToFrame.p50)}, p99 ${ms(out.returnToFrame.p99)}, max ${ms(out.returnToFrame.max)} (${pushes} pushes; ${frameFirst} frames came before the call returned)`,
    );
    log(
      `call start -> frame: p50 ${ms(out.callStartToFrame.p50)}, p99 ${ms(out.callStartToFrame.p99)}; the call itself: p50 ${ms(out.updateRecordsCall.p50)}, p99 ${ms(out.updateRecordsCall.p99)}`,
    );
    if (tap)
      log(
        `return -> the bench's own Kafka consumer: p50 ${ms(summary(toKafka).p50)}, p99 ${ms(summary(toKafka).p99)}; that consumer -> frame: p50 ${ms(summary(kafkaToFrame).p50)}, p99 ${ms(summary(kafkaToFrame).p99)}`,
      );
    if (tap) {
      const a = summary(outboxToProducer);
      const b = summary(producerToConsumer);
      log(
        `wall clock, 1 ms steps: outbox row written -> relay's producer p50 ${a.p50} ms, p99 ${a.p99} ms, max ${a.max} ms; producer -> bench consumer p50 ${b.p50} ms, p99 ${b.p99} ms, max ${b.max} ms`,
      );
      const f = summary(pingLatency);
      log(
        `Kafka floor (the bench's own message, produced with acks=-1 and read by the same consumer, after each push): p50 ${ms(f.p50)}, p99 ${ms(f.p99)}, max ${ms(f.max)}`,
      );
    }
    return out;
  } finally {
    writer.client.destroy();
    device.ws.terminate();
    await tap?.close();
  }
}

/** When the frame (or message) numbered `n` arrived, waiting for it without spinning. */
function waitFor(
  n: number,
  arrived: Map<number, number>,
  waiters: Map<number, () => void>,
  timeoutMs: number,
): Promise<number> {
  const at = arrived.get(n);
  if (at !== undefined) return Promise.resolve(at);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      waiters.delete(n);
      reject(new Error(`nothing numbered ${n} within ${timeoutMs} ms`));
    }, timeoutMs);
    waiters.set(n, () => {
      clearTimeout(timer);
      waiters.delete(n);
      resolve(arrived.get(n)!);
    });
  });
}

/**
 * Wall-clock stamps of one event (milliseconds; one machine, one clock): written to the outbox in
 * the UpdateRecords transaction (its occurred-at header), handed to the relay's Kafka producer (the
 * record's timestamp, set by kafkajs when it builds the batch), read by the bench's consumer.
 */
interface TapStages {
  occurredWallMs: number;
  producedWallMs: number;
  seenWallMs: number;
}

const PING_TOPIC = `bench.device-sync.ping.${randomUUID().slice(0, 8)}`;

/** A consumer of the bench's own on the topic: when an identity's event is readable on Kafka. */
async function kafkaTap(
  brokers: string,
  identityId: string,
): Promise<{
  seenAt: Map<number, number>;
  stages: Map<number, TapStages>;
  ping(n: number): Promise<number>;
  close(): Promise<void>;
}> {
  const kafka = new Kafka({
    clientId: 'bench-sync-tap',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
  });
  const groupId = `bench-sync-tap-${randomUUID()}`;
  const consumer: Consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 500 });
  const seenAt = new Map<number, number>();
  const stages = new Map<number, TapStages>();
  const pongAt = new Map<number, number>();
  const pongWaiters = new Map<number, () => void>();
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic: PING_TOPIC, numPartitions: 1 }] });
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topics: [DeviceSyncTopics.datasetChanged, PING_TOPIC], fromBeginning: false });
  const positioned = new Promise<void>((resolve) => {
    const off = consumer.on(consumer.events.FETCH, () => {
      off();
      resolve();
    });
  });
  await consumer.run({
    partitionsConsumedConcurrently: 3,
    eachMessage: ({ topic, message }) => {
      const at = performance.now();
      if (topic === PING_TOPIC) {
        const n = Number(message.value?.toString('utf8'));
        pongAt.set(n, at);
        pongWaiters.get(n)?.();
        return Promise.resolve();
      }
      if (message.key?.toString('utf8') !== identityId) return Promise.resolve();
      const value = JSON.parse(message.value?.toString('utf8') ?? '{}') as { syncCount?: number };
      if (typeof value.syncCount !== 'number') return Promise.resolve();
      seenAt.set(value.syncCount, at);
      const occurred = Date.parse(message.headers?.['idfed-occurred-at']?.toString() ?? '');
      stages.set(value.syncCount, {
        occurredWallMs: occurred,
        producedWallMs: Number(message.timestamp),
        seenWallMs: Date.now(),
      });
      return Promise.resolve();
    },
  });
  await positioned;
  return {
    seenAt,
    stages,
    async ping(n) {
      const started = performance.now();
      await producer.send({ topic: PING_TOPIC, acks: -1, messages: [{ key: 'ping', value: String(n) }] });
      return (await waitFor(n, pongAt, pongWaiters, 30_000)) - started;
    },
    close: async () => {
      await producer.disconnect();
      await consumer.disconnect();
      await admin.connect();
      await admin.deleteGroups([groupId]).catch(() => undefined);
      await admin.deleteTopics({ topics: [PING_TOPIC] }).catch(() => undefined);
      await admin.disconnect();
    },
  };
}
