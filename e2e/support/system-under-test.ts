import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, freshDatabase, startApp, StartedProcess, stopApp, waitForHealthy } from './processes';
import { startSmtpCapture } from './smtp-capture';

export type E2eMode = 'embedded' | 'distributed';

export interface SystemUnderTest {
  mode: E2eMode;
  endpoint: string;
  adminAccessKeyId: string;
  adminSecretAccessKey: string;
  /** JSON-lines file where sent codes land (dev mailbox, or the SMTP capture). */
  mailbox: string;
  workDir: string;
  apps: StartedProcess[];
  commonEnv: Record<string, string>;
  stop(): Promise<void>;
}

export const SERVICE_APPS = ['user-directory', 'federation-broker', 'credential-vending', 'device-sync'];

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
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const adminAccessKeyId = `AKIA${randomBytes(8).toString('hex').toUpperCase()}`;
  const adminSecretAccessKey = randomBytes(30).toString('base64');
  const commonEnv: Record<string, string> = {
    IDFED_HTTP_PORT: String(port),
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
    ...extraEnv,
  };
  const apps: StartedProcess[] = [];
  let stopSmtp = async () => undefined as void;
  let mailbox: string;

  if (mode === 'embedded') {
    commonEnv.IDFED_EMBEDDED_PG_PORT = String(await freePort());
    mailbox = join(workDir, 'data', 'mailbox.jsonl');
    apps.push(startApp('embedded', commonEnv, workDir));
  } else {
    const brokers = process.env.IDFED_TEST_KAFKA_BROKERS;
    const pg = process.env.IDFED_TEST_DATABASE_URL;
    if (!brokers || !pg)
      throw new Error('distributed e2e needs IDFED_TEST_KAFKA_BROKERS and IDFED_TEST_DATABASE_URL');
    mailbox = join(workDir, 'smtp.jsonl');
    const smtp = await startSmtpCapture(mailbox);
    stopSmtp = smtp.close;
    Object.assign(commonEnv, {
      IDFED_KAFKA_BROKERS: brokers,
      IDFED_KAFKA_PARTITIONS: '3',
      IDFED_DATABASE_URL: await freshDatabase(pg, 'idfed_e2e'),
      IDFED_SMTP_URL: smtp.url,
    });
    for (const app of [...SERVICE_APPS, 'gateway']) apps.push(startApp(app, commonEnv, workDir));
  }

  const system: SystemUnderTest = {
    mode,
    endpoint,
    adminAccessKeyId,
    adminSecretAccessKey,
    mailbox,
    workDir,
    apps,
    commonEnv,
    async stop() {
      for (const app of [...apps].reverse()) await stopApp(app);
      await stopSmtp();
    },
  };
  try {
    await waitForHealthy(endpoint, apps);
  } catch (err) {
    await system.stop();
    throw err;
  }
  return system;
}
