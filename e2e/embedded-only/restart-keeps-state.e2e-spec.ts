import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AdminConfirmSignUpCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  GetUserCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { freePort, startApp, StartedProcess, stopApp, waitForHealthy } from '../support/processes';

/**
 * `npm start` keeps its state: a crashed (SIGKILL) and restarted embedded idfed still has its
 * pools, users and signing keys, so tokens issued before the crash keep working.
 */
describe('the embedded default across a crash and a restart', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'idfed-restart-'));
  chmodSync(workDir, 0o755);
  let env: Record<string, string>;
  let endpoint: string;
  let idfed: StartedProcess;
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;

  async function start(): Promise<void> {
    idfed = startApp('embedded', env, workDir);
    await waitForHealthy(endpoint, [idfed]);
  }

  beforeAll(async () => {
    const port = await freePort();
    endpoint = `http://127.0.0.1:${port}`;
    // No admin key or KEK in the environment: both are generated into the data dir on first start
    // and must be found there again after the restart.
    env = {
      IDFED_HTTP_PORT: String(port),
      // The device gateway's port: any free one (several systems run side by side).
      IDFED_WS_PORT: '0',
      IDFED_GRPC_PORT: '0',
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
    admin?.destroy();
    app?.destroy();
    await stopApp(idfed);
  }, 60_000);

  it('keeps pools, users, keys and refresh tokens through SIGKILL and restart', async () => {
    const { readFileSync } = await import('node:fs');
    const creds = JSON.parse(readFileSync(join(workDir, 'data', 'admin-credentials.json'), 'utf8')) as {
      accessKeyId: string;
      secretAccessKey: string;
    };
    const client = (credentials: { accessKeyId: string; secretAccessKey: string }) =>
      new CognitoIdentityProviderClient({ endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
    admin = client(creds);
    app = client({ accessKeyId: 'ANONYMOUS', secretAccessKey: 'anonymous' });

    const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: 'durable' }));
    const poolId = UserPool!.Id!;
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'app',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    const clientId = UserPoolClient!.ClientId!;
    const password = `Pw-${randomBytes(6).toString('hex')}!A1`;
    await app.send(new SignUpCommand({ ClientId: clientId, Username: 'carol', Password: password }));
    await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: 'carol' }));
    const signIn = await app.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'carol', PASSWORD: password },
      }),
    );
    const before = signIn.AuthenticationResult!;

    await stopApp(idfed, 'SIGKILL');
    await start();

    await expect(admin.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).resolves.toMatchObject({
      UserPool: { Id: poolId, EstimatedNumberOfUsers: 1 },
    });
    const me = await app.send(new GetUserCommand({ AccessToken: before.AccessToken! }));
    expect(me.Username).toBe('carol');
    const refreshed = await app.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: before.RefreshToken! },
      }),
    );
    const jwks = (await (await fetch(`${endpoint}/${poolId}/.well-known/jwks.json`)).json()) as Parameters<
      typeof createLocalJWKSet
    >[0];
    for (const token of [before.IdToken!, refreshed.AuthenticationResult!.IdToken!]) {
      const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), {
        issuer: `${endpoint}/${poolId}`,
      });
      expect(payload['cognito:username']).toBe('carol');
    }
    await expect(
      app.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'carol', PASSWORD: password },
        }),
      ),
    ).resolves.toHaveProperty('AuthenticationResult.IdToken');
  }, 120_000);

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => idfed.child.once('exit', (code) => resolve(code)));
    idfed.child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 60_000);
});
