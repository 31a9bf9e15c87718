import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync } from 'node:fs';
import { get as httpsGet } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  freePort,
  freshDatabase,
  ROOT,
  startApp,
  startAsManifest,
  StartedProcess,
  stopApp,
  waitForHealthy,
  waitForReady,
} from './processes';
import { runComposeHealthcheck, runManifestProbe } from '../../libs/testing/src/deploy-manifests';
import { eventually } from '../../libs/testing/src/eventually';
import { waitForGrpcServing } from '../../libs/testing/src/grpc/grpc-health';
import { SnsStandIn } from '../../libs/testing/src/sns-standin';
import { startOtlpReceiver } from '../../libs/testing/src/otlp-receiver';
import { selfSignedLocalhostCertificate } from './self-signed-certificate';
import { startSmtpCapture } from './smtp-capture';

export type E2eMode = 'embedded' | 'distributed';

export interface SystemUnderTest {
  mode: E2eMode;
  /** The gateway's plain HTTP port (`http://127.0.0.1:<port>`), also the public URL: tokens' issuer. */
  endpoint: string;
  /**
   * The same gateway's own HTTPS listener (IDFED_HTTPS_PORT with IDFED_TLS_CERT_FILE /
   * IDFED_TLS_KEY_FILE, ADR 0076), in both modes: `endpoint` is `https://localhost:<port>`, for
   * clients that speak https only (Amplify's `oauth.domain`). The certificate is self-signed for
   * localhost, `*.auth.localhost` and 127.0.0.1 (self-signed-certificate.ts): `certificate` (PEM)
   * is what a Node client trusts, `spki` its key's SHA-256 for Chromium's
   * `--ignore-certificate-errors-spki-list`.
   */
  https: { endpoint: string; port: number; certificate: string; spki: string };
  /** Where devices connect (`ws://host:port`, path /sync): one embedded, two replicas distributed. */
  deviceGateways: string[];
  /** gRPC gateways (`host:port`): one embedded, two replicas distributed. */
  grpcGateways: string[];
  adminAccessKeyId: string;
  adminSecretAccessKey: string;
  /** Where each process answers `GET /metrics`, by process name (`embedded`, `gateway`, a service). */
  metrics: Record<string, string>;
  /**
   * Distributed: the JSON-lines file of the spans every process exported over OTLP to a receiver
   * on loopback (tracing is on in the distributed suite, off in the embedded one).
   */
  traces?: string;
  /** JSON-lines file where sent codes land (dev mailbox, or the SMTP capture and the SNS stand-in). */
  mailbox: string;
  workDir: string;
  apps: StartedProcess[];
  commonEnv: Record<string, string>;
  /** Distributed: the database's administrator URL, which only the migrate step and the tests use. */
  databaseAdminUrl?: string;
  /**
   * Distributed: the user directory's IDFED_CUSTOM_DOMAIN_CERT_DIR, where a spec puts the
   * certificates of the custom domains it creates (ADR 0060; the listener is a spec's own gateway).
   */
  customDomainCertDir?: string;
  stop: () => Promise<void>;
}

export const SERVICE_APPS = ['user-directory', 'federation-broker', 'credential-vending', 'device-sync'];

/** Each service's URL variable and schema: a role `idfed_<schema>` with a password of this run. */
const SERVICE_DATABASES: Record<string, string> = {
  IDFED_USER_DIRECTORY_DATABASE_URL: 'user_directory',
  IDFED_FEDERATION_BROKER_DATABASE_URL: 'federation_broker',
  IDFED_CREDENTIAL_VENDING_DATABASE_URL: 'credential_vending',
  IDFED_DEVICE_SYNC_DATABASE_URL: 'device_sync',
};

function serviceRoleUrls(adminUrl: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(SERVICE_DATABASES).map(([variable, schema]) => {
      const url = new URL(adminUrl);
      url.username = `idfed_${schema}`;
      url.password = randomBytes(18).toString('base64url');
      return [variable, url.toString()];
    }),
  );
}

/** `npm run migrate` as a deployment runs it: provisions the roles, then migrates as each. */
function runMigrate(env: Record<string, string>, adminUrl: string, logDir: string): void {
  const log = openSync(join(logDir, 'migrate.log'), 'a');
  try {
    execFileSync(process.execPath, [join(ROOT, 'dist', 'apps', 'embedded', 'src', 'migrate.js')], {
      cwd: ROOT,
      env: { ...process.env, ...env, IDFED_DATABASE_ADMIN_URL: adminUrl },
      stdio: ['ignore', log, log],
    });
  } finally {
    closeSync(log);
  }
}

/** The status of a GET over HTTPS, trusting only `ca`. */
function httpsStatus(url: string, ca: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpsGet(url, { ca, timeout: 10_000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy(new Error(`${url}: no answer within 10 s`)));
    req.on('error', reject);
  });
}

/**
 * Starts idfed as a user would run it. Embedded: the `npm start` process (in-process bus, embedded
 * PostgreSQL of its own). Distributed: one process per app over the test Kafka and Postgres, with
 * codes delivered by SMTP.
 */
export async function startSystemUnderTest(
  mode: E2eMode,
  extraEnv: Record<string, string> = {},
): Promise<SystemUnderTest> {
  const workDir = mkdtempSync(join(tmpdir(), `idfed-e2e-${mode}-`));
  chmodSync(workDir, 0o755); // the embedded PostgreSQL runs as another user when tests run as root
  // Ports are picked before the processes bind them: one run's picks must differ from each other.
  const picked = new Set<number>();
  const uniquePort = async (): Promise<number> => {
    for (;;) {
      const p = await freePort();
      if (!picked.has(p)) {
        picked.add(p);
        return p;
      }
    }
  };
  const port = await uniquePort();
  const endpoint = `http://127.0.0.1:${port}`;
  // The gateway's HTTPS listener beside the HTTP port (ADR 0076). Not in commonEnv: the specs
  // that start more gateway replicas from commonEnv give them ports (and TLS) of their own.
  const httpsPort = await uniquePort();
  const tlsDir = join(workDir, 'gateway-tls');
  mkdirSync(tlsDir);
  const tls = selfSignedLocalhostCertificate(tlsDir);
  const gatewayTlsEnv = {
    IDFED_TLS_CERT_FILE: tls.certFile,
    IDFED_TLS_KEY_FILE: tls.keyFile,
    IDFED_HTTPS_PORT: String(httpsPort),
  };
  const wsPorts: number[] = [];
  const grpcPorts: number[] = [];
  for (const _ of mode === 'embedded' ? [0] : [0, 1]) {
    wsPorts.push(await uniquePort());
    grpcPorts.push(await uniquePort());
  }
  const adminAccessKeyId = `AKIA${randomBytes(8).toString('hex').toUpperCase()}`;
  const adminSecretAccessKey = randomBytes(30).toString('base64');
  const commonEnv: Record<string, string> = {
    IDFED_HTTP_PORT: String(port),
    IDFED_WS_PORT: String(wsPorts[0]),
    IDFED_GRPC_PORT: String(grpcPorts[0]),
    IDFED_PUBLIC_URL: endpoint,
    IDFED_DATA_DIR: join(workDir, 'data'),
    IDFED_ADMIN_ACCESS_KEY_ID: adminAccessKeyId,
    IDFED_ADMIN_SECRET_ACCESS_KEY: adminSecretAccessKey,
    IDFED_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    // Shared by credential vending and the gateway; the credential-vending spec seals tokens with it.
    IDFED_SESSION_TOKEN_KEY: randomBytes(32).toString('base64'),
    IDFED_LOG_LEVEL: 'info',
    // Lockouts long enough that no spec's pace decides whether one is still on (the growth and
    // expiry of lockouts are tested with an injected clock in attempt-limiter.int-spec).
    IDFED_LOCKOUT_FIRST_MS: '600000',
    IDFED_LOCKOUT_MAX_MS: '600000',
    // Limits on (every request goes through the shared buckets) but far above what bursts of the
    // concurrency and fuzz specs reach; e2e/embedded-only/rate-limits tests refusals on a system of its own.
    IDFED_RATE_LIMITS: '*=10000',
    // The home region (IDFED_REGION, us-east-1) and two more, in both modes, so that the regions
    // spec finds one region served and another not (ADR 0032; the defaults are unit-tested).
    IDFED_REGIONS: 'eu-west-1,ap-southeast-2',
    ...extraEnv,
  };
  const apps: StartedProcess[] = [];
  let stopSmtp = async () => undefined as void;
  let stopOtlp = async () => undefined as void;
  let traces: string | undefined;
  let mailbox: string;
  let databaseAdminUrl: string | undefined;
  let customDomainCertDir: string | undefined;
  const metrics: Record<string, string> = {};
  /** Distributed: each process's app and environment, to run its manifest's probes against. */
  const manifestRuns: { app: string; env: Record<string, string> }[] = [];

  if (mode === 'embedded') {
    commonEnv.IDFED_EMBEDDED_PG_PORT = String(await uniquePort());
    mailbox = join(workDir, 'data', 'mailbox.jsonl');
    apps.push(startApp('embedded', { ...commonEnv, ...gatewayTlsEnv }, workDir));
    // One process: the gateway's port answers for every app in it.
    metrics.embedded = `${endpoint}/metrics`;
  } else {
    const brokers = process.env.IDFED_TEST_KAFKA_BROKERS;
    const pg = process.env.IDFED_TEST_DATABASE_URL;
    if (!brokers || !pg)
      throw new Error('distributed e2e needs IDFED_TEST_KAFKA_BROKERS and IDFED_TEST_DATABASE_URL');
    mailbox = join(workDir, 'smtp.jsonl');
    const smtp = await startSmtpCapture(mailbox);
    // SMS through the SNS adapter to a stand-in that checks its signature and appends beside the mail.
    const sns = new SnsStandIn(mailbox);
    await sns.start();
    stopSmtp = async () => {
      await smtp.close();
      await sns.stop();
    };
    databaseAdminUrl = await freshDatabase(pg, 'idfed_e2e');
    traces = join(workDir, 'otlp-spans.jsonl');
    const otlp = await startOtlpReceiver(traces);
    stopOtlp = otlp.close;
    Object.assign(commonEnv, {
      IDFED_KAFKA_BROKERS: brokers,
      IDFED_KAFKA_PARTITIONS: '3',
      // Each service as its own role (no IDFED_DATABASE_URL to fall back on), provisioned by the
      // migrate step with the administrator's URL, which no service is given.
      ...serviceRoleUrls(databaseAdminUrl),
      IDFED_SMTP_URL: smtp.url,
      IDFED_SMS_SENDER: 'sns',
      IDFED_SNS_BASE_URL: sns.baseUrl,
      IDFED_SNS_ACCESS_KEY_ID: sns.accessKeyId,
      IDFED_SNS_SECRET_ACCESS_KEY: sns.secretAccessKey,
      OTEL_EXPORTER_OTLP_ENDPOINT: otlp.endpoint,
    });
    runMigrate(commonEnv, databaseAdminUrl, workDir);
    // Every process as deploy/k8s runs it: the Deployment's command line, its own probe directory
    // (a pod's /tmp) and ports, and (below) its manifest's startup, readiness and liveness probes.
    const start = (app: string, name: string, env: Record<string, string>) => {
      const processEnv = { ...commonEnv, IDFED_PROBE_DIR: join(workDir, 'probes', name), ...env };
      mkdirSync(processEnv.IDFED_PROBE_DIR, { recursive: true });
      manifestRuns.push({ app, env: processEnv });
      apps.push(startAsManifest(app, name, processEnv, workDir));
    };
    customDomainCertDir = join(workDir, 'custom-domain-certs');
    mkdirSync(customDomainCertDir, { recursive: true });
    for (const app of SERVICE_APPS) {
      // Services serve no HTTP but their metrics, each on a port of its own.
      const metricsPort = await uniquePort();
      metrics[app] = `http://127.0.0.1:${metricsPort}/metrics`;
      start(app, app, {
        IDFED_METRICS_PORT: String(metricsPort),
        // Custom domains' certificates are checked by the user directory (ADR 0049, 0060).
        ...(app === 'user-directory' ? { IDFED_CUSTOM_DOMAIN_CERT_DIR: customDomainCertDir } : {}),
      });
    }
    start('gateway', 'gateway', gatewayTlsEnv);
    metrics.gateway = `${endpoint}/metrics`;
    // Two device gateway replicas, so a push reaches a device whichever replica it is on.
    wsPorts.forEach((wsPort, i) =>
      start('device-gateway', `device-gateway-${i + 1}`, { IDFED_WS_PORT: String(wsPort) }),
    );
    wsPorts.forEach(
      (wsPort, i) => (metrics[`device-gateway-${i + 1}`] = `http://127.0.0.1:${wsPort}/metrics`),
    );
    // Two gRPC gateway replicas: each keeps its own token state and streams from the events, and
    // serves its metrics on IDFED_METRICS_PORT as the services do.
    for (const [i, grpcPort] of grpcPorts.entries()) {
      const metricsPort = await uniquePort();
      metrics[`grpc-gateway-${i + 1}`] = `http://127.0.0.1:${metricsPort}/metrics`;
      start('grpc-gateway', `grpc-gateway-${i + 1}`, {
        IDFED_GRPC_PORT: String(grpcPort),
        IDFED_METRICS_PORT: String(metricsPort),
      });
    }
  }

  const system: SystemUnderTest = {
    mode,
    endpoint,
    https: {
      endpoint: `https://localhost:${httpsPort}`,
      port: httpsPort,
      certificate: tls.certificate.toString('utf8'),
      spki: tls.spki,
    },
    deviceGateways: wsPorts.map((p) => `ws://127.0.0.1:${p}`),
    grpcGateways: grpcPorts.map((p) => `127.0.0.1:${p}`),
    adminAccessKeyId,
    adminSecretAccessKey,
    metrics,
    traces,
    mailbox,
    workDir,
    apps,
    commonEnv,
    databaseAdminUrl,
    customDomainCertDir,
    async stop() {
      for (const app of [...apps].reverse()) await stopApp(app);
      await stopSmtp();
      await stopOtlp();
    },
  };
  try {
    await waitForHealthy(endpoint, apps);
    // The gateway listens on HTTPS before its HTTP port (ADR 0076). Its /health asks every service
    // again, and on a loaded machine one may miss that check's 3 s once: asked until it passes.
    await eventually(
      async () => {
        const httpsHealth = await httpsStatus(`${system.https.endpoint}/health`, system.https.certificate);
        if (httpsHealth !== 200)
          throw new Error(`the gateway's HTTPS port answered /health with ${httpsHealth}`);
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    for (const wsPort of wsPorts) await waitForReady(`http://127.0.0.1:${wsPort}/health/ready`, apps);
    for (const grpcPort of grpcPorts) await waitForGrpcServing(`127.0.0.1:${grpcPort}`);
    // The probes deploy/k8s gives each app pass against the process as started: a probe naming a
    // port, path, script or gRPC service the app does not serve fails the suite here.
    for (const { app, env } of manifestRuns) {
      for (const kind of ['startupProbe', 'readinessProbe', 'livenessProbe'] as const)
        await runManifestProbe(app, kind, env, 30_000);
      // docker-compose.yml's healthcheck too, where it is a script of the image (probe files, gRPC health).
      const code = await runComposeHealthcheck(app, env);
      if (code !== undefined && code !== 0)
        throw new Error(`${app}: docker-compose.yml's healthcheck exits ${code} against the running process`);
    }
  } catch (err) {
    await system.stop();
    throw err;
  }
  return system;
}
