import { chmodSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { eventually } from '../../libs/testing/src/eventually';
import { freePort, startApp, StartedProcess, stopApp, waitForHealthy } from '../support/processes';

/** The pid of the embedded PostgreSQL server, from the lock file it keeps in its cluster. */
function postmasterPid(dataDir: string): number {
  return Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/**
 * `npm start` when its embedded PostgreSQL is killed (SIGKILL): it starts it again and serves the
 * same data, and once its restarts are used up it exits with code 4 instead of answering 500s.
 */
describe('the embedded PostgreSQL dying under npm start', () => {
  const started: StartedProcess[] = [];

  async function startEmbedded(extra: Record<string, string>) {
    const workDir = mkdtempSync(join(tmpdir(), 'idfed-pg-loss-'));
    chmodSync(workDir, 0o755);
    const port = await freePort();
    const endpoint = `http://127.0.0.1:${port}`;
    const dataDir = join(workDir, 'data');
    const adminKey = {
      accessKeyId: 'AKIAIDFEDPGLOSSTEST01',
      secretAccessKey: 'pg-loss-secret-0123456789abcdef',
    };
    const idfed = startApp(
      'embedded',
      {
        IDFED_HTTP_PORT: String(port),
        // The device gateway's port: any free one (several systems run side by side).
        IDFED_WS_PORT: '0',
        IDFED_GRPC_PORT: '0',
        IDFED_PUBLIC_URL: endpoint,
        IDFED_DATA_DIR: dataDir,
        IDFED_EMBEDDED_PG_PORT: String(await freePort()),
        IDFED_ADMIN_ACCESS_KEY_ID: adminKey.accessKeyId,
        IDFED_ADMIN_SECRET_ACCESS_KEY: adminKey.secretAccessKey,
        IDFED_KEY_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
        ...extra,
      },
      workDir,
    );
    started.push(idfed);
    await waitForHealthy(endpoint, [idfed]);
    const admin = new CognitoIdentityProviderClient({
      endpoint,
      region: 'us-east-1',
      credentials: adminKey,
      maxAttempts: 1,
    });
    return { idfed, admin, dataDir };
  }

  afterAll(async () => {
    for (const idfed of started) await stopApp(idfed);
  }, 60_000);

  it('restarts it and serves the same data again', async () => {
    const { idfed, admin, dataDir } = await startEmbedded({});
    try {
      const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: 'survives' }));
      const before = postmasterPid(dataDir);
      process.kill(before, 'SIGKILL');
      // The restart takes seconds (a new cluster start); the test's own 180 s bounds the rest.
      const described = await eventually(
        () => admin.send(new DescribeUserPoolCommand({ UserPoolId: UserPool!.Id! })),
        { timeoutMs: 120_000, intervalMs: 250 },
      );
      expect(described.UserPool?.Name).toBe('survives');
      expect(postmasterPid(dataDir)).not.toBe(before);
      expect(idfed.child.exitCode).toBeNull();
      expect(readFileSync(idfed.logFile, 'utf8')).toContain('the embedded PostgreSQL exited unexpectedly');
    } finally {
      admin.destroy();
    }
  }, 180_000);

  it('exits with code 4 once its restarts are used up', async () => {
    const { idfed, admin, dataDir } = await startEmbedded({ IDFED_EMBEDDED_PG_MAX_RESTARTS: '0' });
    admin.destroy();
    const exited = new Promise<number | null>((resolve) => idfed.child.once('exit', resolve));
    process.kill(postmasterPid(dataDir), 'SIGKILL');
    expect(await exited).toBe(4);
    expect(readFileSync(idfed.logFile, 'utf8')).toMatch(/fatal: the embedded PostgreSQL exited unexpectedly/);
  }, 180_000);
});
