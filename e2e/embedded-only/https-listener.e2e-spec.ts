import {
  AdminConfirmSignUpCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { JwtVerifier } from 'aws-jwt-verify';
import { SimpleFetcher } from 'aws-jwt-verify/https';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '../../libs/testing/src/eventually';
import { freePort, startApp, StartedProcess, stopApp } from '../support/processes';

/**
 * The HTTPS listener (ADR 0026): with IDFED_TLS_CERT_FILE / IDFED_TLS_KEY_FILE the HTTP port speaks
 * TLS, with a certificate signed by a CA this test makes with the openssl CLI. The AWS SDK v3 with an
 * agent trusting that CA works; without it the handshake is refused; aws-jwt-verify fetches the
 * pool's JWKS over https itself and verifies the token.
 */
describe('the gateway over HTTPS', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'idfed-tls-'));
  chmodSync(workDir, 0o755);
  let idfed: StartedProcess;
  let endpoint: string;
  let ca: Buffer;
  const adminCredentials = { accessKeyId: 'AKIDFEDTLSTEST0001', secretAccessKey: 'tls-test-secret-key-0001' };

  /** A CA and a server certificate for localhost, 127.0.0.1 and the pool domains. */
  function makeCertificates(): { cert: string; key: string } {
    const run = (...args: string[]) => execFileSync('openssl', args, { cwd: workDir, stdio: 'pipe' });
    run(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '1',
      '-subj',
      '/CN=idfed test CA',
    );
    run(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'server.key',
      '-out',
      'server.csr',
      '-subj',
      '/CN=localhost',
    );
    writeFileSync(
      join(workDir, 'san.ext'),
      'subjectAltName=DNS:localhost,DNS:*.auth.localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n',
    );
    run(
      'x509',
      '-req',
      '-in',
      'server.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'server.pem',
      '-days',
      '1',
      '-extfile',
      'san.ext',
    );
    ca = readFileSync(join(workDir, 'ca.pem'));
    return { cert: join(workDir, 'server.pem'), key: join(workDir, 'server.key') };
  }

  function getStatus(url: string, trust?: Buffer): Promise<number> {
    return new Promise((resolve, reject) => {
      get(url, { ...(trust ? { ca: trust } : {}), timeout: 5000 }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject);
    });
  }

  beforeAll(async () => {
    const files = makeCertificates();
    const port = await freePort();
    endpoint = `https://localhost:${port}`;
    idfed = startApp(
      'embedded',
      {
        IDFED_HTTP_PORT: String(port),
        IDFED_WS_PORT: '0',
        IDFED_GRPC_PORT: '0',
        IDFED_TLS_CERT_FILE: files.cert,
        IDFED_TLS_KEY_FILE: files.key,
        IDFED_PUBLIC_URL: endpoint,
        IDFED_DATA_DIR: join(workDir, 'data'),
        IDFED_EMBEDDED_PG_PORT: String(await freePort()),
        IDFED_ADMIN_ACCESS_KEY_ID: adminCredentials.accessKeyId,
        IDFED_ADMIN_SECRET_ACCESS_KEY: adminCredentials.secretAccessKey,
        IDFED_KEY_ENCRYPTION_KEY: '',
      },
      workDir,
    );
    await eventually(async () => expect(await getStatus(`${endpoint}/health`, ca)).toBe(200), {
      timeoutMs: 90_000,
      intervalMs: 250,
    });
  }, 120_000);

  afterAll(async () => {
    await stopApp(idfed);
  }, 60_000);

  const sdk = (credentials: typeof adminCredentials, trust?: Buffer) =>
    new CognitoIdentityProviderClient({
      endpoint,
      region: 'us-east-1',
      credentials,
      maxAttempts: 1,
      ...(trust ? { requestHandler: new NodeHttpHandler({ httpsAgent: new Agent({ ca: trust }) }) } : {}),
    });

  it('serves the SDK over TLS, and aws-jwt-verify fetches the JWKS over https', async () => {
    const admin = sdk(adminCredentials, ca);
    const app = sdk({ accessKeyId: 'ANONYMOUS', secretAccessKey: 'anonymous' }, ca);
    const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: 'tls' }));
    const poolId = UserPool!.Id!;
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'app',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    const clientId = UserPoolClient!.ClientId!;
    await app.send(new SignUpCommand({ ClientId: clientId, Username: 'tls-user', Password: 'Tls-Pass1!' }));
    await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: 'tls-user' }));
    const { AuthenticationResult } = await app.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'tls-user', PASSWORD: 'Tls-Pass1!' },
      }),
    );

    const issuer = `${endpoint}/${poolId}`;
    const verifier = JwtVerifier.create(
      { issuer, audience: null, jwksUri: `${issuer}/.well-known/jwks.json` },
      { jwksCache: new SimpleJwksCache({ fetcher: new SimpleFetcher({ defaultRequestOptions: { ca } }) }) },
    );
    const payload = await verifier.verify(AuthenticationResult!.AccessToken!);
    expect(payload).toMatchObject({ iss: issuer, client_id: clientId, token_use: 'access' });

    // The discovery document names https endpoints.
    const discovery = await new Promise<string>((resolve, reject) => {
      get(`${issuer}/.well-known/openid-configuration`, { ca }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve(body));
      }).on('error', reject);
    });
    expect(JSON.parse(discovery)).toMatchObject({ token_endpoint: `${issuer}/oauth2/token` });
    admin.destroy();
    app.destroy();
  });

  it('refuses a client that does not trust the certificate, and plain HTTP', async () => {
    await expect(getStatus(`${endpoint}/health`)).rejects.toThrow(/self[- ]signed|unable to (get|verify)/i);
    const plain = endpoint.replace('https:', 'http:');
    await expect(fetch(`${plain}/health`, { signal: AbortSignal.timeout(5000) })).rejects.toThrow();
  });
});
