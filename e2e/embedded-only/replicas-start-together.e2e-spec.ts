import { chmodSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
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
import {
  freePort,
  freshDatabase,
  startApp,
  StartedProcess,
  stopApp,
  waitForHealthy,
} from '../support/processes';

/**
 * Replicas starting at the same moment on a fresh database and an empty shared data directory:
 * they must not crash on each other's migrations, and must agree on the keys they generate (admin
 * credentials, key-encryption key, session-token key), since what one seals the other opens.
 * Two `npm start` processes on one external PostgreSQL stand in for the replicas: each runs every
 * service's migrations and generates every key, over the in-process bus (no shared Kafka topics).
 */
describe('replicas starting together', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'idfed-replicas-'));
  chmodSync(workDir, 0o755);
  const replicas: StartedProcess[] = [];
  const endpoints: string[] = [];

  afterAll(async () => {
    for (const replica of replicas) await stopApp(replica);
  }, 60_000);

  it('both come up, and what one seals the other opens', async () => {
    const databaseUrl = await freshDatabase(process.env.IDFED_TEST_DATABASE_URL!, 'idfed_replicas');
    const ports = [await freePort(), await freePort()];
    const publicUrl = `http://127.0.0.1:${ports[0]}`;
    for (const [i, port] of ports.entries()) {
      const logDir = join(workDir, `replica-${i}`);
      mkdirSync(logDir, { recursive: true });
      replicas.push(
        startApp(
          'embedded',
          {
            IDFED_HTTP_PORT: String(port),
            // The device gateway's port: any free one (several systems run side by side).
            IDFED_WS_PORT: '0',
            IDFED_GRPC_PORT: '0',
            // One public URL, as behind a load balancer: tokens of either replica name the same issuer.
            IDFED_PUBLIC_URL: publicUrl,
            IDFED_DATA_DIR: join(workDir, 'data'),
            IDFED_DATABASE_URL: databaseUrl,
            IDFED_ADMIN_ACCESS_KEY_ID: '',
            IDFED_ADMIN_SECRET_ACCESS_KEY: '',
            IDFED_KEY_ENCRYPTION_KEY: '',
            IDFED_SESSION_TOKEN_KEY: '',
          },
          logDir,
        ),
      );
      endpoints.push(`http://127.0.0.1:${port}`);
    }
    await Promise.all(endpoints.map((endpoint) => waitForHealthy(endpoint, replicas)));

    const credentials = JSON.parse(readFileSync(join(workDir, 'data', 'admin-credentials.json'), 'utf8')) as {
      accessKeyId: string;
      secretAccessKey: string;
    };
    const client = (endpoint: string, creds = credentials) =>
      new CognitoIdentityProviderClient({
        endpoint,
        region: 'us-east-1',
        credentials: creds,
        maxAttempts: 1,
      });
    const [adminA, adminB] = endpoints.map((e) => client(e));
    const appB = client(endpoints[1], { accessKeyId: 'ANONYMOUS', secretAccessKey: 'anonymous' });
    const appA = client(endpoints[0], { accessKeyId: 'ANONYMOUS', secretAccessKey: 'anonymous' });
    try {
      // The admin key in the file is the one both replicas verify signatures with.
      const { UserPool } = await adminA.send(new CreateUserPoolCommand({ PoolName: 'shared' }));
      await expect(
        adminB.send(new DescribeUserPoolCommand({ UserPoolId: UserPool!.Id! })),
      ).resolves.toHaveProperty('UserPool.Id', UserPool!.Id);
      const { UserPoolClient } = await adminA.send(
        new CreateUserPoolClientCommand({
          UserPoolId: UserPool!.Id!,
          ClientName: 'app',
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        }),
      );
      const clientId = UserPoolClient!.ClientId!;
      await appA.send(new SignUpCommand({ ClientId: clientId, Username: 'dana', Password: 'Replica-Pw-1!' }));
      await adminA.send(new AdminConfirmSignUpCommand({ UserPoolId: UserPool!.Id!, Username: 'dana' }));
      // Replica B signs with the pool key replica A created and sealed: one key-encryption key.
      const signedIn = await appB.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'dana', PASSWORD: 'Replica-Pw-1!' },
        }),
      );
      const me = await appA.send(
        new GetUserCommand({ AccessToken: signedIn.AuthenticationResult!.AccessToken! }),
      );
      expect(me.Username).toBe('dana');
    } finally {
      for (const c of [adminA, adminB, appA, appB]) c.destroy();
    }
    for (const file of ['key-encryption-key', 'session-token-key']) {
      expect(Buffer.from(readFileSync(join(workDir, 'data', file), 'utf8').trim(), 'base64')).toHaveLength(
        32,
      );
    }
  }, 180_000);
});
