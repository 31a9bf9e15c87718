import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  DeleteUserPoolDomainCommand,
  DescribeUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { connect, SecureVersion } from 'node:tls';
import { join } from 'node:path';
import { eventually } from '../../libs/testing/src/eventually';
import { e2eSystem } from '../support/e2e-context';
import { freePort, startAsManifest, StartedProcess, stopApp } from '../support/processes';

const ACCOUNT = '000000000000';
const arnOf = (id: string) => `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/${id}`;

/**
 * The distributed gateway's two TLS listeners (ADR 0026, 0049, 0060): a gateway replica started as
 * deploy/k8s runs it, beside the suite's services over Kafka, with IDFED_TLS_CERT_FILE /
 * IDFED_TLS_KEY_FILE (its HTTP port speaks TLS) and IDFED_CUSTOM_DOMAIN_CERT_DIR /
 * IDFED_CUSTOM_DOMAIN_HTTPS_PORT (custom domains by SNI). The user directory of the suite checks
 * custom domains' certificates in the same directory. A CA and certificates made by the openssl
 * CLI; every client trusts that CA and connects to loopback.
 */
describe('the distributed gateway over HTTPS and on custom domains', () => {
  const system = e2eSystem();
  const certDir = system.customDomainCertDir!;
  const workDir = mkdtempSync(join(system.workDir, 'tls-listeners-'));
  let gateway: StartedProcess;
  let httpsPort: number;
  let customPort: number;
  let ca: Buffer;
  let admin: CognitoIdentityProviderClient;

  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: workDir, stdio: 'pipe' });

  /** A certificate for `names` (DNS or IP) signed by the spec's CA, as `<into>/<id>.pem|key`. */
  function issue(id: string, names: string[], into: string): void {
    run(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      `${id}.key`,
      '-out',
      `${id}.csr`,
      '-subj',
      `/CN=${names[0]}`,
    );
    const san = names.map((n) => (/^\d+\.\d+\.\d+\.\d+$/.test(n) ? `IP:${n}` : `DNS:${n}`)).join(',');
    writeFileSync(join(workDir, `${id}.ext`), `subjectAltName=${san}\nextendedKeyUsage=serverAuth\n`);
    run(
      'x509',
      '-req',
      '-in',
      `${id}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      `${id}.pem`,
      '-days',
      '1',
      '-extfile',
      `${id}.ext`,
    );
    if (into !== workDir)
      for (const ext of ['pem', 'key']) renameSync(join(workDir, `${id}.${ext}`), join(into, `${id}.${ext}`));
  }

  /** GET over TLS to loopback, naming `servername` in the handshake and `host` in the Host header. */
  function tlsGet(
    port: number,
    servername: string,
    path: string,
    host = servername,
    trust: Buffer | null = ca,
  ): Promise<{ status: number; body: string; location?: string }> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path,
          servername,
          ...(trust ? { ca: trust } : {}), // null: the system's CAs only
          agent: false,
          headers: { host: `${host}:${port}` },
          timeout: 10_000,
        },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, location: res.headers.location }));
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  beforeAll(async () => {
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
      '/CN=idfed distributed TLS test CA',
    );
    ca = readFileSync(join(workDir, 'ca.pem'));
    issue('server', ['localhost', '*.auth.localhost', '127.0.0.1'], workDir);
    issue('dist-a', ['login.dist-a.test'], certDir);
    issue('dist-b', ['login.dist-b.test'], certDir);
    issue('dist-legacy', ['legacy.dist-tls.test'], certDir);
    issue('dist-modern', ['modern.dist-tls.test'], certDir);
    httpsPort = await freePort();
    customPort = await freePort();
    const env = {
      ...system.commonEnv,
      IDFED_PROBE_DIR: join(workDir, 'probes'),
      IDFED_HTTP_PORT: String(httpsPort),
      IDFED_TLS_CERT_FILE: join(workDir, 'server.pem'),
      IDFED_TLS_KEY_FILE: join(workDir, 'server.key'),
      IDFED_CUSTOM_DOMAIN_CERT_DIR: certDir,
      IDFED_CUSTOM_DOMAIN_HTTPS_PORT: String(customPort),
    };
    mkdirSync(env.IDFED_PROBE_DIR, { recursive: true });
    gateway = startAsManifest('gateway', 'gateway-tls', env, workDir);
    await eventually(async () => expect((await tlsGet(httpsPort, 'localhost', '/health')).status).toBe(200), {
      timeoutMs: 120_000,
      intervalMs: 500,
    });
    admin = new CognitoIdentityProviderClient({
      endpoint: `https://localhost:${httpsPort}`,
      region: 'us-east-1',
      credentials: { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey },
      maxAttempts: 1,
      requestHandler: new NodeHttpHandler({ httpsAgent: new Agent({ ca }) }),
    });
  }, 180_000);

  afterAll(async () => {
    admin?.destroy();
    if (gateway) await stopApp(gateway);
  }, 60_000);

  async function poolWithClient(name: string): Promise<{ poolId: string; clientId: string }> {
    const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: name }));
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: UserPool!.Id!,
        ClientName: 'web',
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid'],
        CallbackURLs: ['https://app.example.test/callback'],
        SupportedIdentityProviders: ['COGNITO'],
      }),
    );
    return { poolId: UserPool!.Id!, clientId: UserPoolClient!.ClientId! };
  }

  const authorizePath = (clientId: string) =>
    `/oauth2/authorize?${new URLSearchParams({ client_id: clientId, response_type: 'code', scope: 'openid', redirect_uri: 'https://app.example.test/callback' }).toString()}`;

  it('serves the API, the pages and the JWKS over HTTPS; refuses plain HTTP and untrusting clients', async () => {
    const p = await poolWithClient('dist-https');
    const jwks = await tlsGet(httpsPort, 'localhost', `/${p.poolId}/.well-known/jwks.json`);
    expect(jwks.status).toBe(200);
    expect((JSON.parse(jwks.body) as { keys: unknown[] }).keys.length).toBeGreaterThan(0);
    const page = await tlsGet(httpsPort, 'localhost', `/${p.poolId}${authorizePath(p.clientId)}`);
    expect(page.status).toBe(302);
    expect(page.location).toMatch(/\/login\?/);
    await expect(tlsGet(httpsPort, 'localhost', '/health', 'localhost', null)).rejects.toThrow();
    await expect(
      fetch(`http://127.0.0.1:${httpsPort}/health`, { signal: AbortSignal.timeout(5000) }),
    ).rejects.toThrow();
    // The suite's own plain-HTTP gateway is still what it was.
    expect((await fetch(`${system.endpoint}/health`)).status).toBe(200);
  });

  it('serves a pool at its prefix host and its custom domain; the prefix after the custom one goes', async () => {
    const a = await poolWithClient('dist-domains-a');
    const b = await poolWithClient('dist-domains-b');
    const prefix = `dist-${Date.now().toString(36)}`;
    await admin.send(new CreateUserPoolDomainCommand({ UserPoolId: a.poolId, Domain: prefix }));
    await admin.send(
      new CreateUserPoolDomainCommand({
        UserPoolId: a.poolId,
        Domain: 'login.dist-a.test',
        CustomDomainConfig: { CertificateArn: arnOf('dist-a') },
      }),
    );
    await admin.send(
      new CreateUserPoolDomainCommand({
        UserPoolId: b.poolId,
        Domain: 'login.dist-b.test',
        CustomDomainConfig: { CertificateArn: arnOf('dist-b') },
      }),
    );
    expect((await admin.send(new DescribeUserPoolCommand({ UserPoolId: a.poolId }))).UserPool).toMatchObject({
      Domain: prefix,
      CustomDomain: 'login.dist-a.test',
    });
    // The prefix host on the HTTPS port, the custom domain on its own listener: both pool A's.
    const viaPrefix = await tlsGet(
      httpsPort,
      'localhost',
      authorizePath(a.clientId),
      `${prefix}.auth.localhost`,
    );
    expect(viaPrefix.status).toBe(302);
    const viaCustom = await tlsGet(customPort, 'login.dist-a.test', authorizePath(a.clientId));
    expect(viaCustom.status).toBe(302);
    expect(viaCustom.location).toMatch(/^\/login\?/);
    const login = await tlsGet(customPort, 'login.dist-a.test', viaCustom.location!);
    expect(login.status).toBe(200);
    expect(login.body).toContain('name="password"');
    const discovery = await tlsGet(customPort, 'login.dist-a.test', '/.well-known/openid-configuration');
    expect(JSON.parse(discovery.body)).toMatchObject({ issuer: `${system.endpoint}/${a.poolId}` });

    // Attacks: pool B's host on a connection made for pool A's name (421), pool B's client at pool
    // A's domain (400), the API on the custom port (404), handshakes for a prefix host, an unknown
    // name and a bare label (no certificate).
    const crossed = await tlsGet(
      customPort,
      'login.dist-a.test',
      authorizePath(b.clientId),
      'login.dist-b.test',
    );
    expect(crossed.status).toBe(421);
    expect(crossed.location).toBeUndefined();
    expect((await tlsGet(customPort, 'login.dist-a.test', authorizePath(b.clientId))).status).toBe(400);
    expect((await tlsGet(customPort, 'login.dist-b.test', '/health')).status).toBe(404);
    await expect(tlsGet(customPort, `${prefix}.auth.localhost`, '/login')).rejects.toThrow();
    await expect(tlsGet(customPort, 'unknown.dist.test', '/login')).rejects.toThrow();
    await expect(tlsGet(customPort, prefix, '/login')).rejects.toThrow();

    // Deleting the custom domain: the handshake is refused within 5 s, the prefix still serves.
    await admin.send(new DeleteUserPoolDomainCommand({ UserPoolId: a.poolId, Domain: 'login.dist-a.test' }));
    await eventually(
      async () => expect(tlsGet(customPort, 'login.dist-a.test', '/login')).rejects.toThrow(),
      {
        timeoutMs: 20_000,
        intervalMs: 500,
      },
    );
    expect(
      (await tlsGet(httpsPort, 'localhost', authorizePath(a.clientId), `${prefix}.auth.localhost`)).status,
    ).toBe(302);
    expect(
      (await admin.send(new DescribeUserPoolCommand({ UserPoolId: a.poolId }))).UserPool!.CustomDomain,
    ).toBeUndefined();
  });

  /** The TLS version a handshake ends with and serves a page at, else how it was refused. */
  function handshake(servername: string, version: SecureVersion): Promise<string> {
    return new Promise((resolve) => {
      const socket = connect({
        host: '127.0.0.1',
        port: customPort,
        servername,
        ca,
        minVersion: version,
        maxVersion: version,
        ciphers: 'DEFAULT@SECLEVEL=0',
      });
      socket.once('secureConnect', () => {
        const protocol = socket.getProtocol() ?? 'none';
        socket.write(`GET /login HTTP/1.1\r\nHost: ${servername}\r\nConnection: close\r\n\r\n`);
        let answer = '';
        socket.on('data', (d: Buffer) => (answer += d.toString()));
        socket.once('close', () => resolve(answer.startsWith('HTTP/1.1') ? protocol : 'closed'));
      });
      socket.once('error', (err: NodeJS.ErrnoException) => resolve(`refused: ${err.code ?? err.message}`));
    });
  }

  it("enforces a custom domain's SecurityPolicy: TLS 1.1 served for TLS_V1, refused for TLS_V1_2_2021", async () => {
    const p = await poolWithClient('dist-tls-policy');
    const q = await poolWithClient('dist-tls-policy-modern');
    await admin.send(
      new CreateUserPoolDomainCommand({
        UserPoolId: p.poolId,
        Domain: 'legacy.dist-tls.test',
        CustomDomainConfig: { CertificateArn: arnOf('dist-legacy'), SecurityPolicy: 'TLS_V1' },
      }),
    );
    await admin.send(
      new CreateUserPoolDomainCommand({
        UserPoolId: q.poolId,
        Domain: 'modern.dist-tls.test',
        CustomDomainConfig: { CertificateArn: arnOf('dist-modern'), SecurityPolicy: 'TLS_V1_2_2021' },
      }),
    );
    expect(await handshake('legacy.dist-tls.test', 'TLSv1.1')).toBe('TLSv1.1');
    expect(await handshake('modern.dist-tls.test', 'TLSv1.1')).toMatch(/^refused|^closed$/);
    expect(await handshake('modern.dist-tls.test', 'TLSv1.2')).toBe('TLSv1.2');
  });
});
