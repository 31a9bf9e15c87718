import { chmodSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  DeleteUserPoolCommand,
  RevokeTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { eventually } from '../../libs/testing/src/eventually';
import { waitForGrpcServing } from '../../libs/testing/src/grpc/grpc-health';
import { IdfedGrpcClient } from '../../libs/testing/src/grpc/idfed-grpc-client';
import { freePort, startApp, StartedProcess, stopApp, waitForHealthy } from '../support/processes';
import { createPasswordPool, newSignedInUser, signIn } from '../support/user-pools';

const PASSWORD = 'Restart-Pa55word!';

/**
 * `npm start` restarted (SIGTERM, or SIGKILL) after users signed out, were disabled, deleted, had
 * a session revoked or lost their pool: its gRPC gateway refuses their earlier tokens from its
 * first answer, as a distributed replica does after its Kafka replay (ADR 0035). In process the
 * record is the bus's event journal under the data dir (ADR 0042). Before it, every such token
 * verified as active after the restart.
 */
describe('the embedded gRPC gateway across a restart', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'idfed-grpc-restart-'));
  chmodSync(workDir, 0o755);
  let env: Record<string, string>;
  let endpoint: string;
  let grpcAddress: string;
  let idfed: StartedProcess;
  const clients: { destroy(): void }[] = [];

  async function start(): Promise<void> {
    idfed = startApp('embedded', env, workDir);
    await waitForHealthy(endpoint, [idfed]);
    await waitForGrpcServing(grpcAddress);
  }

  beforeAll(async () => {
    const port = await freePort();
    const grpcPort = await freePort();
    endpoint = `http://127.0.0.1:${port}`;
    grpcAddress = `127.0.0.1:${grpcPort}`;
    env = {
      IDFED_HTTP_PORT: String(port),
      IDFED_WS_PORT: '0',
      IDFED_GRPC_PORT: String(grpcPort),
      IDFED_PUBLIC_URL: endpoint,
      IDFED_DATA_DIR: join(workDir, 'data'),
      IDFED_EMBEDDED_PG_PORT: String(await freePort()),
      IDFED_ADMIN_ACCESS_KEY_ID: '',
      IDFED_ADMIN_SECRET_ACCESS_KEY: '',
      IDFED_KEY_ENCRYPTION_KEY: '',
    };
    await start();
  }, 120_000);

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await stopApp(idfed);
  }, 60_000);

  it.each(['SIGTERM', 'SIGKILL'] as const)(
    'refuses tokens revoked before a %s and restart, accepts the others',
    async (signal) => {
      const key = JSON.parse(readFileSync(join(workDir, 'data', 'admin-credentials.json'), 'utf8')) as {
        accessKeyId: string;
        secretAccessKey: string;
      };
      const client = (credentials: { accessKeyId: string; secretAccessKey: string }) => {
        const c = new CognitoIdentityProviderClient({
          endpoint,
          region: 'us-east-1',
          credentials,
          maxAttempts: 1,
        });
        clients.push(c);
        return c;
      };
      const admin = client(key);
      const app = client({ accessKeyId: 'ANONYMOUS', secretAccessKey: 'anonymous' });
      const pool = await createPasswordPool(admin, endpoint, `restart-${signal}`);
      const doomedPool = await createPasswordPool(admin, endpoint, `doomed-${signal}`);
      const names = ['signed-out', 'disabled', 'deleted', 'revoked', 're-enabled', 'untouched'];
      const tokens = Object.fromEntries(
        await Promise.all(
          names.map(async (n) => [n, await newSignedInUser(admin, app, pool, `rs-${n}`, PASSWORD)] as const),
        ),
      );
      const inDoomedPool = await newSignedInUser(admin, app, doomedPool, 'rs-doomed', PASSWORD);
      const user = (n: string) => ({ UserPoolId: pool.userPoolId, Username: `rs-${n}` });
      await admin.send(new AdminUserGlobalSignOutCommand(user('signed-out')));
      await admin.send(new AdminDisableUserCommand(user('disabled')));
      await admin.send(new AdminDeleteUserCommand(user('deleted')));
      await app.send(
        new RevokeTokenCommand({ ClientId: pool.clientId, Token: tokens.revoked.RefreshToken! }),
      );
      await admin.send(new AdminDisableUserCommand(user('re-enabled')));
      await admin.send(new AdminEnableUserCommand(user('re-enabled')));
      const reEnabled = await signIn(app, pool, 'rs-re-enabled', PASSWORD);
      await admin.send(new DeleteUserPoolCommand({ UserPoolId: doomedPool.userPoolId }));

      // The running process has heard it all (its outbox relayed every event) before it stops.
      const before = new IdfedGrpcClient(grpcAddress, key);
      try {
        await eventually(async () => {
          expect((await before.verifyToken({ token: inDoomedPool.AccessToken! })).active).toBe(false);
          expect((await before.verifyToken({ token: tokens.revoked.AccessToken! })).active).toBe(false);
          expect((await before.verifyToken({ token: reEnabled.AccessToken! })).active).toBe(true);
        });
      } finally {
        before.close();
      }

      await stopApp(idfed, signal);
      await start();

      // SERVING means the journal was read: asked once, at once, no waiting.
      const after = new IdfedGrpcClient(grpcAddress, key);
      try {
        const answer = async (n: string) => after.verifyToken({ token: tokens[n].AccessToken! });
        expect(await answer('signed-out')).toMatchObject({
          active: false,
          errorName: 'NotAuthorizedException',
          reason: 'Access Token has been revoked',
        });
        expect(await answer('disabled')).toMatchObject({ active: false, reason: 'User is disabled.' });
        expect(await answer('deleted')).toMatchObject({ active: false, reason: 'User does not exist.' });
        expect(await answer('revoked')).toMatchObject({
          active: false,
          reason: 'Access Token has been revoked',
        });
        expect(await answer('re-enabled')).toMatchObject({
          active: false,
          reason: 'Access Token has been revoked',
        });
        expect(await after.verifyToken({ token: inDoomedPool.AccessToken! })).toMatchObject({
          active: false,
        });
        expect(await after.verifyToken({ token: reEnabled.AccessToken! })).toMatchObject({ active: true });
        expect(await answer('untouched')).toMatchObject({ active: true });
        const fresh = await newSignedInUser(admin, app, pool, 'rs-after', PASSWORD);
        expect(await after.verifyToken({ token: fresh.AccessToken! })).toMatchObject({ active: true });
        // The journal under the data dir holds ids and times, never a token.
        const journal = join(workDir, 'data', 'events');
        const { readdirSync } = await import('node:fs');
        const text = readdirSync(journal)
          .map((f) => readFileSync(join(journal, f), 'utf8'))
          .join('');
        for (const t of Object.values(tokens)) {
          expect(text).not.toContain(t.AccessToken!);
          expect(text).not.toContain(t.RefreshToken!);
        }
      } finally {
        after.close();
      }
    },
    180_000,
  );
});
