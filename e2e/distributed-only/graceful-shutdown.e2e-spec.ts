import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { status } from '@grpc/grpc-js';
import {
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  GetGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { randomBytes } from 'node:crypto';
import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  DeleteIdentityPoolCommand,
  DescribeIdentityPoolCommand,
  ListIdentityPoolsCommand,
} from '@aws-sdk/client-cognito-identity';
import { CognitoSyncClient, ListRecordsCommand, UpdateRecordsCommand } from '@aws-sdk/client-cognito-sync';
import { CreateRoleCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { runManifestProbe } from '../../libs/testing/src/deploy-manifests';
import { eventually } from '../../libs/testing/src/eventually';
import { awsErrorOf, IdfedGrpcClient } from '../../libs/testing/src/grpc/idfed-grpc-client';
import { waitForGrpcServing } from '../../libs/testing/src/grpc/grpc-health';
import { sampleValue, scrapeMetrics } from '../../libs/testing/src/prometheus-text';
import { cognitoAdmin, e2eSystem } from '../support/e2e-context';
import { syncIdentities } from '../support/sync-identities';
import { DeviceSocket, openDevice, presignSyncUrl } from '../../apps/device-gateway/test/device-client';
import { freePort, startAsManifest, StartedProcess, stopApp, tail } from '../support/processes';

/**
 * SIGTERM under load, counted. An extra replica of a service (and of the gRPC gateway) is started
 * the way deploy/k8s runs it, takes part of the load, and is stopped while the load goes on:
 * nothing acknowledged may be missing afterwards, a call may fail only while the replica stops and
 * only with an error a client retries (5xx / ServiceUnavailable, gRPC UNAVAILABLE), and the
 * process must exit 0 on its own, well within the pods' 30 s grace.
 */
/**
 * Each test starts a process and waits through bounded phases (start-up up to 60 s on a loaded
 * machine, the load, a stop of up to 25 s, the load again); the test's bound is their sum, so a
 * slow phase fails with its own message rather than the test's timeout.
 */
const PHASES_MS = 180_000;

describe('graceful shutdown under load', () => {
  const system = e2eSystem();
  const extras: StartedProcess[] = [];

  function startExtra(app: string, name: string, env: Record<string, string>) {
    const processEnv = { ...system.commonEnv, IDFED_PROBE_DIR: join(system.workDir, 'probes', name), ...env };
    mkdirSync(processEnv.IDFED_PROBE_DIR, { recursive: true });
    const started = startAsManifest(app, name, processEnv, system.workDir);
    extras.push(started);
    return { started, env: processEnv };
  }

  /** Stops with SIGTERM and resolves with the exit code and how long the process took. */
  async function terminate(p: StartedProcess): Promise<{ code: number | null; ms: number }> {
    const t0 = Date.now();
    const exited = new Promise<number | null>((resolve) => p.child.once('exit', (code) => resolve(code)));
    p.child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([
      exited,
      new Promise<null>((r) => (timer = setTimeout(() => r(null), 25_000))),
    ]);
    clearTimeout(timer);
    return { code, ms: Date.now() - t0 };
  }

  async function withinMs<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        p,
        new Promise<never>(
          (_, reject) => (timer = setTimeout(() => reject(new Error(`${what} in ${ms} ms`)), ms)),
        ),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  afterAll(async () => {
    for (const p of extras) await stopApp(p);
  });

  /** A call of the load: `n` names what it creates, so that a second run of it is told apart. */
  interface ServiceLoad {
    app: string;
    /** The operation label of `idfed_service_operation_duration_seconds` that each call sends. */
    operation: string;
    call: (n: number) => Promise<void>;
    /** Throws unless what call `n` created is there. */
    exists: (n: number) => Promise<void>;
    /**
     * Commands that ran twice, counted from the state where a second run leaves a mark; by default
     * none: a second run of a create with the same name is refused, and counted below as an error.
     */
    ranTwice?: (acknowledged: number[]) => Promise<number>;
  }

  /**
   * Stops an extra replica of a service, started as its manifest runs it, in the middle of a load
   * of four workers, and counts: what was acknowledged and is missing (must be nothing), what
   * failed (only 5xx / ServiceUnavailable, only from the stop on), and what ran twice across the
   * rebalance: every call creates something of its own name, so a command the remaining replica
   * ran again is refused there (`outcome="error"` on its operation, which no first run gives).
   */
  async function stopServiceUnderLoad(load: ServiceLoad) {
    const metricsPort = await freePort();
    const extra = startExtra(load.app, `${load.app}-extra`, { IDFED_METRICS_PORT: String(metricsPort) });
    await runManifestProbe(load.app, 'readinessProbe', extra.env, 30_000);
    const handled = async (url: string, outcome: string) =>
      sampleValue((await scrapeMetrics(url)).scrape, 'idfed_service_operation_duration_seconds_count', {
        service: load.app,
        operation: load.operation,
        outcome,
      });
    const main = system.metrics[load.app];
    const mainErrorsBefore = await handled(main, 'error');

    const acknowledged: number[] = [];
    const failures: { name: string; status?: number; at: number }[] = [];
    let stopAt = Number.POSITIVE_INFINITY;
    let loadOn = true;
    let n = 0;
    const worker = async () => {
      while (loadOn) {
        const i = n++;
        try {
          await load.call(i);
          acknowledged.push(i);
        } catch (err) {
          const e = err as { name: string; $metadata?: { httpStatusCode?: number } };
          failures.push({ name: e.name, status: e.$metadata?.httpStatusCode, at: Date.now() });
        }
      }
    };
    const workers = [worker(), worker(), worker(), worker()];
    // The extra replica has partitions of the commands topic once it handles some of the load.
    await eventually(
      async () =>
        expect(await handled(`http://127.0.0.1:${metricsPort}/metrics`, 'ok')).toBeGreaterThanOrEqual(3),
      { timeoutMs: 30_000 },
    );
    stopAt = Date.now();
    const { code, ms } = await terminate(extra.started);
    // The load goes on over the remaining replica until it has answered 10 more.
    const atStop = acknowledged.length;
    await eventually(() => expect(acknowledged.length - atStop).toBeGreaterThanOrEqual(10), {
      timeoutMs: 30_000,
    });
    loadOn = false;
    await Promise.all(workers);

    expect({ code, log: code === 0 ? '' : tail(extra.started) }).toEqual({ code: 0, log: '' });
    expect(ms).toBeLessThan(20_000);
    // Only retryable failures (5xx), and only around the stop.
    for (const f of failures) {
      expect({ name: f.name, retryable: (f.status ?? 0) >= 500 }).toEqual({ name: f.name, retryable: true });
      expect(f.at).toBeGreaterThanOrEqual(stopAt);
    }
    expect(failures.length).toBeLessThanOrEqual(8);
    // Nothing acknowledged is missing.
    for (const i of acknowledged) await load.exists(i);
    expect(acknowledged.length).toBeGreaterThan(10);
    // Nothing ran twice: no second run refused on the remaining replica, none left in the state.
    const refusedReruns = (await handled(main, 'error')) - mainErrorsBefore;
    const ranTwice = refusedReruns + ((await load.ranTwice?.(acknowledged)) ?? 0);
    console.log(
      `${load.app} replica stopped in ${ms} ms under load: ${acknowledged.length} acknowledged, ` +
        `0 lost, ${ranTwice} ran twice, ${failures.length} failed ` +
        `(${failures.map((f) => `${f.name}/${f.status}`).join(', ') || 'none'})`,
    );
    expect(ranTwice).toBe(0);
  }

  it(
    'loses no command when a user-directory replica stops mid-load',
    async () => {
      const admin: CognitoIdentityProviderClient = cognitoAdmin(system);
      const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: 'graceful-shutdown' }));
      const poolId = UserPool!.Id!;
      await stopServiceUnderLoad({
        app: 'user-directory',
        operation: 'CreateGroup',
        call: async (n) =>
          void (await admin.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: `g-${n}` }))),
        exists: async (n) =>
          void (await admin.send(new GetGroupCommand({ UserPoolId: poolId, GroupName: `g-${n}` }))),
      });
      await admin.send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
      admin.destroy();
    },
    PHASES_MS,
  );

  it(
    'loses no command when a federation-broker replica stops mid-load',
    async () => {
      const identityAdmin = new CognitoIdentityClient({
        endpoint: system.endpoint,
        region: 'us-east-1',
        maxAttempts: 1,
        credentials: { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey },
      });
      const prefix = `graceful-${randomBytes(3).toString('hex')}`;
      const ids = new Map<number, string>();
      await stopServiceUnderLoad({
        app: 'federation-broker',
        operation: 'CreateIdentityPool',
        call: async (n) => {
          const { IdentityPoolId } = await identityAdmin.send(
            new CreateIdentityPoolCommand({
              IdentityPoolName: `${prefix}-${n}`,
              AllowUnauthenticatedIdentities: true,
            }),
          );
          ids.set(n, IdentityPoolId!);
        },
        exists: async (n) =>
          void (await identityAdmin.send(new DescribeIdentityPoolCommand({ IdentityPoolId: ids.get(n) }))),
        // A second run of CreateIdentityPool is not refused (names are not unique): it makes a
        // second pool of the same name, which the listing shows.
        ranTwice: async () => {
          const names: string[] = [];
          let NextToken: string | undefined;
          do {
            const page = await identityAdmin.send(
              new ListIdentityPoolsCommand({ MaxResults: 60, NextToken }),
            );
            for (const p of page.IdentityPools ?? [])
              if (p.IdentityPoolName?.startsWith(`${prefix}-`)) names.push(p.IdentityPoolName);
            NextToken = page.NextToken;
          } while (NextToken);
          for (const id of ids.values())
            await identityAdmin.send(new DeleteIdentityPoolCommand({ IdentityPoolId: id }));
          return names.length - new Set(names).size;
        },
      });
      identityAdmin.destroy();
    },
    PHASES_MS,
  );

  it(
    'loses no command when a credential-vending replica stops mid-load',
    async () => {
      const iam = new IAMClient({
        endpoint: system.endpoint,
        region: 'us-east-1',
        maxAttempts: 1,
        credentials: { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey },
      });
      const prefix = `graceful-${randomBytes(3).toString('hex')}`;
      const trust = JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
        ],
      });
      await stopServiceUnderLoad({
        app: 'credential-vending',
        operation: 'CreateRole',
        call: async (n) =>
          void (await iam.send(
            new CreateRoleCommand({ RoleName: `${prefix}-${n}`, AssumeRolePolicyDocument: trust }),
          )),
        exists: async (n) => void (await iam.send(new GetRoleCommand({ RoleName: `${prefix}-${n}` }))),
      });
      iam.destroy();
    },
    PHASES_MS,
  );

  it(
    'loses no command when a device-sync replica stops mid-load',
    async () => {
      const identities = syncIdentities(system);
      const pool = await identities.poolWithGuestRole('graceful-sync', ['cognito-sync:*']);
      // One identity a worker would need a worker id; one identity a call is simpler: each call
      // writes record k-<n> of dataset d of its own identity, new, so a second run is refused.
      const guests = new Map<number, { identityId: string; client: CognitoSyncClient }>();
      const target = (n: number) => ({
        IdentityPoolId: pool.poolId,
        IdentityId: guests.get(n)!.identityId,
        DatasetName: 'd',
      });
      await stopServiceUnderLoad({
        app: 'device-sync',
        operation: 'UpdateRecords',
        call: async (n) => {
          if (!guests.has(n)) {
            const g = await identities.guest(pool.poolId);
            guests.set(n, { identityId: g.identityId, client: identities.syncAs(g.credentials) });
          }
          const client = guests.get(n)!.client;
          const listed = await client.send(new ListRecordsCommand(target(n)));
          await client.send(
            new UpdateRecordsCommand({
              ...target(n),
              SyncSessionToken: listed.SyncSessionToken,
              RecordPatches: [{ Op: 'replace', Key: `k-${n}`, Value: String(n), SyncCount: 0 }],
            }),
          );
        },
        exists: async (n) => {
          const { Records } = await guests.get(n)!.client.send(new ListRecordsCommand(target(n)));
          expect(Records?.find((r) => r.Key === `k-${n}`)).toMatchObject({ Value: String(n), SyncCount: 1 });
        },
      });
      for (const g of guests.values()) g.client.destroy();
    },
    PHASES_MS,
  );

  it(
    'answers the HTTP requests in flight when a gateway replica stops, and loses none',
    async () => {
      const port = await freePort();
      const endpoint = `http://127.0.0.1:${port}`;
      const extra = startExtra('gateway', 'gateway-extra', {
        IDFED_HTTP_PORT: String(port),
        IDFED_PUBLIC_URL: endpoint,
      });
      await runManifestProbe('gateway', 'readinessProbe', extra.env, 60_000);
      const viaExtra = cognitoAdmin({ ...system, endpoint });
      const viaMain = cognitoAdmin(system);
      const { UserPool } = await viaMain.send(new CreateUserPoolCommand({ PoolName: 'graceful-gateway' }));
      const poolId = UserPool!.Id!;
      const acknowledged: string[] = [];
      const failures: { group: string; name: string; code?: string; status?: number; at: number }[] = [];
      let stopAt = Number.POSITIVE_INFINITY;
      let loadOn = true;
      let n = 0;
      const worker = async () => {
        while (loadOn) {
          const name = `h-${n++}`;
          try {
            await viaExtra.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: name }));
            acknowledged.push(name);
          } catch (err) {
            const e = err as {
              name: string;
              code?: string;
              message: string;
              cause?: { code?: string };
              $metadata?: { httpStatusCode?: number };
            };
            failures.push({
              group: name,
              name: e.name,
              code: e.code ?? e.cause?.code ?? e.message,
              status: e.$metadata?.httpStatusCode,
              at: Date.now(),
            });
            // The server went away: a client retries on another replica; here, the worker stops.
            if (e.$metadata?.httpStatusCode === undefined) return;
          }
        }
      };
      const workers = [worker(), worker(), worker(), worker()];
      await eventually(() => expect(acknowledged.length).toBeGreaterThanOrEqual(10), { timeoutMs: 30_000 });
      stopAt = Date.now();
      const { code, ms } = await terminate(extra.started);
      loadOn = false;
      await Promise.all(workers);

      expect({ code, log: code === 0 ? '' : tail(extra.started) }).toEqual({ code: 0, log: '' });
      expect(ms).toBeLessThan(20_000);
      // Refused connections (no HTTP status: the SDKs retry those) or 5xx, and only after the stop.
      for (const f of failures) {
        expect({ name: f.name, retryable: f.status === undefined || f.status >= 500 }).toEqual({
          name: f.name,
          retryable: true,
        });
        expect(f.at).toBeGreaterThanOrEqual(stopAt);
      }
      for (const name of acknowledged)
        await viaMain.send(new GetGroupCommand({ UserPoolId: poolId, GroupName: name }));
      // A refused or reset connection carried a request the server never took: nothing was done,
      // so the SDK's retry is safe (and a 5xx, here none, is answered before anything commits).
      for (const f of failures)
        if (f.status === undefined)
          await expect(
            viaMain.send(new GetGroupCommand({ UserPoolId: poolId, GroupName: f.group })),
          ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
      console.log(
        `gateway replica stopped in ${ms} ms under load: ${acknowledged.length} acknowledged, ` +
          `${failures.length} failed (${failures.map((f) => `${f.name}/${f.code ?? f.status}`).join(', ') || 'none'})`,
      );
      await viaMain.send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
      viaExtra.destroy();
      viaMain.destroy();
    },
    PHASES_MS,
  );

  it(
    'lets VerifyToken calls in flight finish and ends streams UNAVAILABLE when a gRPC gateway stops',
    async () => {
      const grpcPort = await freePort();
      const metricsPort = await freePort();
      const extra = startExtra('grpc-gateway', 'grpc-gateway-extra', {
        IDFED_GRPC_PORT: String(grpcPort),
        IDFED_METRICS_PORT: String(metricsPort),
      });
      await waitForGrpcServing(`127.0.0.1:${grpcPort}`);
      const key = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
      const client = new IdfedGrpcClient(`127.0.0.1:${grpcPort}`, key);
      const stream = client.subscribe({});
      const streamEnd = new Promise<number>((resolve) =>
        stream.on('error', (e: { code: number }) => resolve(e.code)),
      );
      stream.on('data', () => undefined);
      await withinMs(
        new Promise((r) => stream.once('metadata', r)),
        15_000,
        'the extra gRPC gateway sent no stream metadata',
      );

      let answered = 0;
      const failures: { code: number; name?: string; at: number }[] = [];
      let stopAt = Number.POSITIVE_INFINITY;
      let loadOn = true;
      const worker = async () => {
        while (loadOn) {
          try {
            await client.verifyToken({ token: 'not.a.token' }, { deadline: Date.now() + 5000 });
            answered++;
          } catch (err) {
            const code = (err as { code?: number }).code ?? -1;
            let name: string | undefined;
            try {
              name = awsErrorOf(err).name;
            } catch {
              name = undefined; // a transport failure carries no AWS name
            }
            failures.push({ code, name, at: Date.now() });
            // A client whose server went away retries elsewhere; here, it stops.
            if (code === (status.UNAVAILABLE as number)) return;
          }
        }
      };
      const workers = [worker(), worker(), worker()];
      await eventually(() => expect(answered).toBeGreaterThan(20), { timeoutMs: 20_000 });
      stopAt = Date.now();
      const { code, ms } = await terminate(extra.started);
      loadOn = false;
      await Promise.all(workers);
      client.close();

      expect({ code, log: code === 0 ? '' : tail(extra.started) }).toEqual({ code: 0, log: '' });
      expect(ms).toBeLessThan(10_000);
      expect(await streamEnd).toBe(status.UNAVAILABLE);
      for (const f of failures) {
        expect(f.code).toBe(status.UNAVAILABLE);
        expect(f.at).toBeGreaterThanOrEqual(stopAt);
      }
      // The other replicas answer as before.
      const other = new IdfedGrpcClient(system.grpcGateways[0], key);
      expect(await other.verifyToken({ token: 'not.a.token' })).toMatchObject({ active: false });
      other.close();
      console.log(
        `grpc-gateway replica stopped in ${ms} ms under load: ${answered} answered, ` +
          `${failures.length} failed (${failures.map((f) => f.code).join(', ') || 'none'})`,
      );
    },
    PHASES_MS,
  );

  it(
    'closes every socket 1001 when a device gateway replica stops mid-load, and the devices move on',
    async () => {
      const wsPort = await freePort();
      const endpoint = `ws://127.0.0.1:${wsPort}`;
      const extra = startExtra('device-gateway', 'device-gateway-extra', { IDFED_WS_PORT: String(wsPort) });
      await runManifestProbe('device-gateway', 'readinessProbe', extra.env, 30_000);
      const identities = syncIdentities(system);
      const pool = await identities.poolWithGuestRole('graceful-devices', ['cognito-sync:*']);
      const devices: {
        credentials: Awaited<ReturnType<typeof identities.guest>>['credentials'];
        socket: DeviceSocket;
        sent: number;
        answerAfterClose?: string;
      }[] = [];
      for (let i = 0; i < 4; i++) {
        const { credentials } = await identities.guest(pool.poolId);
        devices.push({
          credentials,
          socket: await openDevice(await presignSyncUrl(endpoint, credentials)),
          sent: 0,
        });
      }
      const pongs = (s: DeviceSocket) => s.frames.filter((f) => f.type === 'pong').length;
      // Each device pings back to back: the next ping leaves when the last one is answered.
      const worker = async (d: (typeof devices)[number]) => {
        while (d.socket.ws.readyState === d.socket.ws.OPEN) {
          d.sent++;
          d.socket.send({ action: 'ping' });
          const got = await Promise.race([
            d.socket
              .next((f) => f.type === 'pong', 15_000)
              .then(
                () => 'pong',
                () => 'no answer',
              ),
            d.socket.closed.then(() => 'closed'),
          ]);
          if (got !== 'pong') return;
        }
      };
      const workers = devices.map(worker);
      const answered = () => devices.reduce((sum, d) => sum + pongs(d.socket), 0);
      await eventually(() => expect(answered()).toBeGreaterThanOrEqual(40), { timeoutMs: 30_000 });
      const { code, ms } = await terminate(extra.started);
      await Promise.all(workers);
      const closes = await Promise.all(devices.map((d) => d.socket.closed));

      expect({ code, log: code === 0 ? '' : tail(extra.started) }).toEqual({ code: 0, log: '' });
      expect(ms).toBeLessThan(10_000);
      // Every socket was closed by the server as going away, not cut.
      expect(closes.map((c) => c.code)).toEqual(devices.map(() => 1001));
      // At most the ping in flight at the stop is unanswered, per device.
      const unanswered = devices.map((d) => d.sent - pongs(d.socket));
      for (const u of unanswered) expect([0, 1]).toContain(u);

      // The devices reconnect to the other replica and go on: pings answered, subscriptions taken.
      const other = system.deviceGateways[0];
      for (const d of devices) {
        const again = await openDevice(await presignSyncUrl(other, d.credentials));
        for (let i = 0; i < 3; i++) {
          again.send({ action: 'ping' });
          expect(await again.next(undefined, 15_000)).toEqual({ type: 'pong' });
        }
        again.send({ action: 'subscribe', datasetName: 'd' });
        expect(await again.next(undefined, 15_000)).toEqual({ type: 'subscribed', datasetName: 'd' });
        again.ws.close(1000);
        await again.closed;
      }
      const total = answered();
      const lost = unanswered.reduce((a, b) => a + b, 0);
      console.log(
        `device-gateway replica stopped in ${ms} ms under load: ${devices.length} sockets closed ` +
          `${[...new Set(closes.map((c) => c.code))].join('/')}, ${total} pings answered, ` +
          `${lost} in flight unanswered (${unanswered.join('/')} per socket), all reconnected to the other replica`,
      );
    },
    PHASES_MS,
  );
});
