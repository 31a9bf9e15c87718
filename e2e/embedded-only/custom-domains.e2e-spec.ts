import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  DeleteUserPoolDomainCommand,
  DescribeUserPoolCommand,
  DescribeUserPoolDomainCommand,
  SignUpCommand,
  UpdateUserPoolDomainCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request } from 'node:https';
import { connect, SecureVersion, TLSSocket } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '../../libs/testing/src/eventually';
import { freePort, startApp, StartedProcess, stopApp } from '../support/processes';

const ACCOUNT = '000000000000';
const arnOf = (id: string) => `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/${id}`;

/**
 * Custom domains (ADR 0049): CreateUserPoolDomain with CustomDomainConfig.CertificateArn naming a
 * certificate the operator put in IDFED_CUSTOM_DOMAIN_CERT_DIR, served on the one HTTPS listener
 * (IDFED_CUSTOM_DOMAIN_HTTPS_PORT) by SNI, with a CA and certificates this spec makes with the
 * openssl CLI; the client trusts that CA and connects to loopback naming the domain (SNI + Host).
 * Embedded only, like the other HTTPS listener specs: it starts an idfed of its own.
 */
describe('custom domains over HTTPS with SNI', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'idfed-custom-domains-'));
  chmodSync(workDir, 0o755);
  const certDir = join(workDir, 'certs');
  mkdirSync(certDir);
  const adminCredentials = {
    accessKeyId: 'AKIDFEDCUSTOMDOM0001',
    secretAccessKey: 'custom-domain-secret-0001',
  };
  let idfed: StartedProcess;
  let httpPort: number;
  let tlsPort: number;
  let ca: Buffer;
  let admin: CognitoIdentityProviderClient;

  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: workDir, stdio: 'pipe' });

  /** A certificate for `names` signed by the spec's CA, imported under `id` (`<id>.pem`, `<id>.key`). */
  function issue(id: string, names: string[], into = certDir): void {
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
    writeFileSync(
      join(workDir, `${id}.ext`),
      `subjectAltName=${names.map((n) => `DNS:${n}`).join(',')}\nextendedKeyUsage=serverAuth\n`,
    );
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
    for (const ext of ['pem', 'key']) renameSync(join(workDir, `${id}.${ext}`), join(into, `${id}.${ext}`));
  }

  /** GET over TLS to loopback, naming `servername` in the handshake and `host` in the Host header. */
  function tlsGet(
    servername: string,
    path: string,
    host = servername,
  ): Promise<{ status: number; body: string; serial: string; location?: string }> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: tlsPort,
          path,
          servername,
          ca,
          agent: false, // a new handshake each time: the certificate served now
          headers: { host: `${host}:${tlsPort}` },
          timeout: 10_000,
        },
        (res) => {
          const serial = (res.socket as TLSSocket).getPeerCertificate().serialNumber;
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body, serial, location: res.headers.location }),
          );
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  const serialOf = (id: string) =>
    run('x509', '-in', join(certDir, `${id}.pem`), '-noout', '-serial')
      .toString()
      .trim()
      .split('=')[1]
      .toUpperCase();

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
      '/CN=idfed custom domain test CA',
    );
    ca = readFileSync(join(workDir, 'ca.pem'));
    issue('cert-a', ['login.pool-a.test']);
    issue('cert-a2', ['login.pool-a.test']);
    issue('cert-b', ['login.pool-b.test']);
    issue('cert-other', ['other.test']);
    issue('cert-both', ['login.pool-both.test']);
    issue('cert-both2', ['signin.pool-both.test']);
    issue('cert-legacy', ['legacy.pool-tls.test']);
    issue('cert-modern', ['modern.pool-tls.test']);
    issue('cert-link', ['login.pool-link.test']);
    httpPort = await freePort();
    tlsPort = await freePort();
    idfed = startApp(
      'embedded',
      {
        IDFED_HTTP_PORT: String(httpPort),
        IDFED_WS_PORT: '0',
        IDFED_GRPC_PORT: '0',
        IDFED_PUBLIC_URL: `http://localhost:${httpPort}`,
        IDFED_CUSTOM_DOMAIN_CERT_DIR: certDir,
        IDFED_CUSTOM_DOMAIN_HTTPS_PORT: String(tlsPort),
        // No load balancer in front: browsers reach the custom domains on the listener's own port.
        IDFED_CUSTOM_DOMAIN_PUBLIC_PORT: String(tlsPort),
        IDFED_DATA_DIR: join(workDir, 'data'),
        IDFED_EMBEDDED_PG_PORT: String(await freePort()),
        IDFED_ADMIN_ACCESS_KEY_ID: adminCredentials.accessKeyId,
        IDFED_ADMIN_SECRET_ACCESS_KEY: adminCredentials.secretAccessKey,
        IDFED_KEY_ENCRYPTION_KEY: '',
      },
      workDir,
    );
    await eventually(
      async () => expect((await fetch(`http://localhost:${httpPort}/health`)).status).toBe(200),
      { timeoutMs: 150_000, intervalMs: 500 },
    );
    admin = new CognitoIdentityProviderClient({
      endpoint: `http://localhost:${httpPort}`,
      region: 'us-east-1',
      credentials: adminCredentials,
      maxAttempts: 1,
    });
  }, 200_000);

  afterAll(async () => {
    admin?.destroy();
    await stopApp(idfed);
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

  it('creates, describes, serves, re-certifies and deletes a custom domain', async () => {
    const a = await poolWithClient('custom-a');
    const created = await admin.send(
      new CreateUserPoolDomainCommand({
        UserPoolId: a.poolId,
        Domain: 'login.pool-a.test',
        CustomDomainConfig: { CertificateArn: arnOf('cert-a') },
      }),
    );
    expect(created.CloudFrontDomain).toBe('localhost');
    const { DomainDescription } = await admin.send(
      new DescribeUserPoolDomainCommand({ Domain: 'login.pool-a.test' }),
    );
    expect(DomainDescription).toMatchObject({
      UserPoolId: a.poolId,
      AWSAccountId: ACCOUNT,
      Domain: 'login.pool-a.test',
      CloudFrontDistribution: 'localhost',
      Status: 'ACTIVE',
      CustomDomainConfig: { CertificateArn: arnOf('cert-a') },
    });

    // The hosted UI at the domain, with the domain's own certificate.
    const page = await tlsGet('login.pool-a.test', authorizePath(a.clientId));
    expect(page.serial).toBe(serialOf('cert-a'));
    expect(page.status).toBe(302);
    expect(page.location).toMatch(/^\/login\?/);
    const login = await tlsGet('login.pool-a.test', page.location!);
    expect(login.status).toBe(200);
    expect(login.body).toContain('name="password"');
    const discovery = await tlsGet('login.pool-a.test', '/.well-known/openid-configuration');
    expect(JSON.parse(discovery.body)).toMatchObject({ issuer: `http://localhost:${httpPort}/${a.poolId}` });

    // A new certificate by UpdateUserPoolDomain, served without a restart.
    const updated = await admin.send(
      new UpdateUserPoolDomainCommand({
        UserPoolId: a.poolId,
        Domain: 'login.pool-a.test',
        CustomDomainConfig: { CertificateArn: arnOf('cert-a2') },
      }),
    );
    expect(updated.CloudFrontDomain).toBe('localhost');
    await eventually(
      async () => expect((await tlsGet('login.pool-a.test', '/login')).serial).toBe(serialOf('cert-a2')),
      {
        timeoutMs: 20_000,
        intervalMs: 500,
      },
    );
    // The certificate's files replaced in place (a renewal): served within seconds too.
    issue('renewed', ['login.pool-a.test'], workDir);
    renameSync(join(workDir, 'renewed.key'), join(certDir, 'cert-a2.key'));
    renameSync(join(workDir, 'renewed.pem'), join(certDir, 'cert-a2.pem'));
    const renewedSerial = serialOf('cert-a2');
    await eventually(
      async () => expect((await tlsGet('login.pool-a.test', '/login')).serial).toBe(renewedSerial),
      {
        timeoutMs: 20_000,
        intervalMs: 500,
      },
    );

    await admin.send(new DeleteUserPoolDomainCommand({ UserPoolId: a.poolId, Domain: 'login.pool-a.test' }));
    await expect(
      admin.send(new DescribeUserPoolDomainCommand({ Domain: 'login.pool-a.test' })),
    ).resolves.toMatchObject({
      DomainDescription: {},
    });
    await eventually(async () => expect(tlsGet('login.pool-a.test', '/login')).rejects.toThrow(), {
      timeoutMs: 20_000,
      intervalMs: 500,
    });
  });

  it('links a CONFIRM_WITH_LINK sign-up to the custom domain on its public port, where it confirms', async () => {
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({
        PoolName: 'custom-link',
        AutoVerifiedAttributes: ['email'],
        VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_LINK' },
      }),
    );
    const poolId = UserPool!.Id!;
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'app' }),
    );
    await admin.send(
      new CreateUserPoolDomainCommand({
        UserPoolId: poolId,
        Domain: 'login.pool-link.test',
        CustomDomainConfig: { CertificateArn: arnOf('cert-link') },
      }),
    );
    const app = new CognitoIdentityProviderClient({
      endpoint: `http://localhost:${httpPort}`,
      region: 'us-east-1',
      credentials: { accessKeyId: 'ANONYMOUS', secretAccessKey: 'anonymous' },
      maxAttempts: 1,
    });
    const email = 'linked@pool-link.test';
    try {
      await app.send(
        new SignUpCommand({
          ClientId: UserPoolClient!.ClientId!,
          Username: 'linked',
          Password: 'Linked-passw0rd!',
          UserAttributes: [{ Name: 'email', Value: email }],
        }),
      );
    } finally {
      app.destroy();
    }
    const mailbox = join(workDir, 'data', 'mailbox.jsonl');
    const text = await eventually(() => {
      const lines = readFileSync(mailbox, 'utf8').trim().split('\n');
      const sent = lines
        .map((l) => JSON.parse(l) as { to: string; text: string })
        .find((m) => m.to === email);
      if (!sent) throw new Error(`nothing sent to ${email} yet`);
      return sent.text;
    });
    const href = /<(https:[^>]+)>/.exec(text)?.[1];
    expect(href).toBeDefined();
    const link = new URL(href!);
    // The custom domain on IDFED_CUSTOM_DOMAIN_PUBLIC_PORT, not https's default 443.
    expect(link.host).toBe(`login.pool-link.test:${tlsPort}`);
    expect(link.pathname).toBe('/confirmUser');

    // Followed as a browser would: the domain's certificate by SNI, the page confirms the user.
    const page = await tlsGet('login.pool-link.test', `${link.pathname}${link.search}`);
    expect(page.serial).toBe(serialOf('cert-link'));
    expect(page.status).toBe(200);
    expect(page.body).toContain('Your registration has been confirmed!');
    const user = await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'linked' }));
    expect(user.UserStatus).toBe('CONFIRMED');
  });

  it('refuses certificates that are missing, for another name, or malformed ARNs; nothing is created', async () => {
    const p = await poolWithClient('custom-refused');
    const cases: [string, string | undefined, RegExp][] = [
      ['login.refused.test', arnOf('no-such-certificate'), /not found/],
      ['login.refused.test', arnOf('cert-other'), /does not cover/],
      ['login.refused.test', 'arn:aws:acm:eu-west-1:000000000000:certificate/cert-other', /us-east-1/],
      ['login.refused.test', `${arnOf('..')}/cert-a`, /us-east-1/],
      ['login.auth.localhost', arnOf('cert-other'), /suffix/],
      ['prefixonly', arnOf('cert-a'), /fully qualified/],
      ['login.refused.test', undefined, /needs CustomDomainConfig/],
    ];
    for (const [Domain, CertificateArn, message] of cases) {
      await expect(
        admin.send(
          new CreateUserPoolDomainCommand({
            UserPoolId: p.poolId,
            Domain,
            ...(CertificateArn ? { CustomDomainConfig: { CertificateArn } } : {}),
          }),
        ),
      ).rejects.toMatchObject({
        name: 'InvalidParameterException',
        message: expect.stringMatching(message) as unknown,
      });
      await expect(admin.send(new DescribeUserPoolDomainCommand({ Domain }))).resolves.toMatchObject({
        DomainDescription: {},
      });
    }
  });

  it("keeps pools apart: another pool's domain in the Host header, names without a certificate", async () => {
    const a = await poolWithClient('custom-attack-a');
    const b = await poolWithClient('custom-attack-b');
    await admin.send(
      new CreateUserPoolDomainCommand({
        UserPoolId: a.poolId,
        Domain: 'login.pool-a.test',
        CustomDomainConfig: { CertificateArn: arnOf('cert-a') },
      }),
    );
    await admin.send(
      new CreateUserPoolDomainCommand({
        UserPoolId: b.poolId,
        Domain: 'login.pool-b.test',
        CustomDomainConfig: { CertificateArn: arnOf('cert-b') },
      }),
    );
    // A connection made for pool A's name asking for pool B's host: misdirected, not B's pages.
    // (Eventually: the gateway may remember for 5 s that the first spec deleted pool A's name.)
    const crossed = await eventually(
      () => tlsGet('login.pool-a.test', authorizePath(b.clientId), 'login.pool-b.test'),
      {
        timeoutMs: 20_000,
        intervalMs: 500,
      },
    );
    expect(crossed.status).toBe(421);
    expect(crossed.location).toBeUndefined();
    // Pool B's client at pool A's domain: the domain serves pool A only, B's client is unknown there.
    const foreign = await tlsGet('login.pool-a.test', authorizePath(b.clientId));
    expect(foreign.status).toBe(400);
    expect(foreign.location).toBeUndefined();
    // The API is not served on the custom-domain port.
    expect((await tlsGet('login.pool-b.test', '/health')).status).toBe(404);
    // No certificate for a prefix domain's host, an unknown name, or no name at all.
    const c = await poolWithClient('custom-attack-prefix');
    await admin.send(new CreateUserPoolDomainCommand({ UserPoolId: c.poolId, Domain: 'plainprefix' }));
    await expect(tlsGet('plainprefix.auth.localhost', '/login')).rejects.toThrow();
    await expect(tlsGet('unknown.example.test', '/login')).rejects.toThrow();
    await expect(tlsGet('plainprefix', '/login')).rejects.toThrow();
    // Another pool cannot take a custom domain already in use.
    await expect(
      admin.send(
        new UpdateUserPoolDomainCommand({
          UserPoolId: b.poolId,
          Domain: 'login.pool-a.test',
          CustomDomainConfig: { CertificateArn: arnOf('cert-a2') },
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
    const still = await admin.send(new DescribeUserPoolDomainCommand({ Domain: 'login.pool-a.test' }));
    expect(still.DomainDescription).toMatchObject({
      UserPoolId: a.poolId,
      CustomDomainConfig: { CertificateArn: arnOf('cert-a') },
    });
  });

  it('gives a pool one prefix and one custom domain, both serving it; a second of a kind refused (ADR 0060)', async () => {
    const p = await poolWithClient('custom-and-prefix');
    const other = await poolWithClient('custom-and-prefix-other');
    const prefix = `both-${Date.now().toString(36)}`;
    await admin.send(new CreateUserPoolDomainCommand({ UserPoolId: p.poolId, Domain: prefix }));
    await admin.send(
      new CreateUserPoolDomainCommand({
        UserPoolId: p.poolId,
        Domain: 'login.pool-both.test',
        CustomDomainConfig: { CertificateArn: arnOf('cert-both') },
      }),
    );
    const described = await admin.send(new DescribeUserPoolCommand({ UserPoolId: p.poolId }));
    expect(described.UserPool).toMatchObject({ Domain: prefix, CustomDomain: 'login.pool-both.test' });

    // A second domain of either kind is refused with Cognito's error; nothing is stored.
    for (const second of [
      { Domain: `${prefix}-2` },
      { Domain: 'signin.pool-both.test', CustomDomainConfig: { CertificateArn: arnOf('cert-both2') } },
    ]) {
      await expect(
        admin.send(new CreateUserPoolDomainCommand({ UserPoolId: p.poolId, ...second })),
      ).rejects.toMatchObject({
        name: 'InvalidParameterException',
        message: 'User pool already has a domain configured.',
      });
      expect(
        (await admin.send(new DescribeUserPoolDomainCommand({ Domain: second.Domain }))).DomainDescription,
      ).toEqual({});
    }

    // Both serve the pool's endpoints: the prefix on the HTTP port by Host, the custom domain by SNI.
    const viaPrefix = await prefixGet(`${prefix}.auth.localhost`, authorizePath(p.clientId));
    expect(viaPrefix.status).toBe(302);
    expect(viaPrefix.location).toMatch(/^\/login\?/);
    const viaCustom = await tlsGet('login.pool-both.test', authorizePath(p.clientId));
    expect(viaCustom.status).toBe(302);
    expect(viaCustom.location).toMatch(/^\/login\?/);
    // Another pool's client is not served at either of this pool's domains.
    expect((await tlsGet('login.pool-both.test', authorizePath(other.clientId))).status).toBe(400);
    expect((await prefixGet(`${prefix}.auth.localhost`, authorizePath(other.clientId))).status).toBe(400);
    // Another pool cannot delete either of them.
    await expect(
      admin.send(new DeleteUserPoolDomainCommand({ UserPoolId: other.poolId, Domain: prefix })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });

    // Deleting the custom domain leaves the prefix, and the kind can be taken again.
    await admin.send(
      new DeleteUserPoolDomainCommand({ UserPoolId: p.poolId, Domain: 'login.pool-both.test' }),
    );
    const afterDelete = await admin.send(new DescribeUserPoolCommand({ UserPoolId: p.poolId }));
    expect(afterDelete.UserPool!.Domain).toBe(prefix);
    expect(afterDelete.UserPool!.CustomDomain).toBeUndefined();
    await eventually(async () => expect(tlsGet('login.pool-both.test', '/login')).rejects.toThrow(), {
      timeoutMs: 20_000,
      intervalMs: 500,
    });
    await admin.send(
      new CreateUserPoolDomainCommand({
        UserPoolId: p.poolId,
        Domain: 'signin.pool-both.test',
        CustomDomainConfig: { CertificateArn: arnOf('cert-both2') },
      }),
    );
    // Deleting the prefix leaves the new custom domain.
    await admin.send(new DeleteUserPoolDomainCommand({ UserPoolId: p.poolId, Domain: prefix }));
    const last = await admin.send(new DescribeUserPoolCommand({ UserPoolId: p.poolId }));
    expect(last.UserPool!.Domain).toBeUndefined();
    expect(last.UserPool!.CustomDomain).toBe('signin.pool-both.test');
    expect((await tlsGet('signin.pool-both.test', authorizePath(p.clientId))).status).toBe(302);
  });

  /** GET on the plain HTTP port with `host` in the Host header (fetch does not send one of ours). */
  function prefixGet(host: string, path: string): Promise<{ status: number; location?: string }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: httpPort,
          path,
          headers: { host: `${host}:${httpPort}` },
          timeout: 10_000,
        },
        (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, location: res.headers.location });
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  /** The TLS version a handshake for `servername` ends with, or the error that refused it. */
  function handshake(servername: string, version: SecureVersion): Promise<string> {
    return new Promise((resolve) => {
      const socket = connect({
        host: '127.0.0.1',
        port: tlsPort,
        servername,
        ca,
        minVersion: version,
        maxVersion: version,
        // TLS 1.0 and 1.1 need OpenSSL's security level 0 on the client as well.
        ciphers: 'DEFAULT@SECLEVEL=0',
      });
      socket.once('secureConnect', () => {
        const protocol = socket.getProtocol() ?? 'none';
        // Closed by the server right after the handshake counts as refused too.
        socket.write(`GET /login HTTP/1.1\r\nHost: ${servername}\r\nConnection: close\r\n\r\n`);
        let answer = '';
        socket.on('data', (d: Buffer) => (answer += d.toString()));
        socket.once('close', () => resolve(answer.startsWith('HTTP/1.1') ? protocol : 'closed'));
      });
      socket.once('error', (err: NodeJS.ErrnoException) => resolve(`refused: ${err.code ?? err.message}`));
    });
  }

  it("enforces each custom domain's SecurityPolicy: a TLS 1.1 client refused by a TLSv1.2 domain", async () => {
    const p = await poolWithClient('custom-tls-policy');
    const q = await poolWithClient('custom-tls-policy-modern');
    await admin.send(
      new CreateUserPoolDomainCommand({
        UserPoolId: p.poolId,
        Domain: 'legacy.pool-tls.test',
        CustomDomainConfig: { CertificateArn: arnOf('cert-legacy'), SecurityPolicy: 'TLS_V1' },
      }),
    );
    await admin.send(
      new CreateUserPoolDomainCommand({
        UserPoolId: q.poolId,
        Domain: 'modern.pool-tls.test',
        CustomDomainConfig: { CertificateArn: arnOf('cert-modern'), SecurityPolicy: 'TLS_V1_2_2021' },
      }),
    );
    expect(await handshake('legacy.pool-tls.test', 'TLSv1.1')).toBe('TLSv1.1');
    expect(await handshake('legacy.pool-tls.test', 'TLSv1.3')).toBe('TLSv1.3');
    expect(await handshake('modern.pool-tls.test', 'TLSv1.1')).toMatch(/^refused|^closed$/);
    expect(await handshake('modern.pool-tls.test', 'TLSv1.2')).toBe('TLSv1.2');

    // Raised to TLS 1.3 by UpdateUserPoolDomain (keeping the certificate): TLS 1.2 refused within 5 s.
    await admin.send(
      new UpdateUserPoolDomainCommand({
        UserPoolId: q.poolId,
        Domain: 'modern.pool-tls.test',
        CustomDomainConfig: { CertificateArn: arnOf('cert-modern'), SecurityPolicy: 'TLS_V1_3_2025' },
      }),
    );
    await eventually(
      async () => expect(await handshake('modern.pool-tls.test', 'TLSv1.2')).toMatch(/^refused|^closed$/),
      { timeoutMs: 20_000, intervalMs: 500 },
    );
    expect(await handshake('modern.pool-tls.test', 'TLSv1.3')).toBe('TLSv1.3');
    // The legacy domain's policy is its own: another domain's change does not touch it.
    expect(await handshake('legacy.pool-tls.test', 'TLSv1')).toBe('TLSv1');
  });
});
