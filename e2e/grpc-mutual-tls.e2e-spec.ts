import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { credentials as grpcCredentials, status } from '@grpc/grpc-js';
import { waitForGrpcServing } from '../libs/testing/src/grpc/grpc-health';
import { awsErrorOf, IdfedGrpcClient } from '../libs/testing/src/grpc/idfed-grpc-client';
import { e2eSystem } from './support/e2e-context';
import {
  freePort,
  startApp,
  startAsManifest,
  StartedProcess,
  stopApp,
  waitForHealthy,
} from './support/processes';

/**
 * Mutual TLS on the gRPC port (ADR 0042): with IDFED_GRPC_TLS_CERT_FILE / _KEY_FILE /
 * _CLIENT_CA_FILE the gateway speaks TLS only and refuses, at the handshake, a client without a
 * certificate or with one another CA signed; a client with a good certificate must still sign
 * each call (mTLS in addition to SigV4, not instead). Distributed: an extra gRPC gateway replica
 * started as its manifest runs it; embedded: an `npm start` of its own. Certificates are made here
 * with the openssl CLI (as the HTTPS listener's spec does).
 */
describe('the gRPC gateway with mutual TLS', () => {
  const system = e2eSystem();
  const dir = mkdtempSync(join(tmpdir(), 'idfed-grpc-mtls-'));
  chmodSync(dir, 0o755);
  const key = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  let address: string;
  let server: StartedProcess;
  let tls: Record<string, string>;
  const pem = (name: string) => readFileSync(join(dir, name));

  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  function ca(name: string): void {
    run(
      'req',
      '-x509',
      ...ecKey,
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.pem`,
      '-days',
      '1',
      '-subj',
      `/CN=${name}`,
    );
  }
  function issue(name: string, by: string, extensions: string): void {
    run('req', ...ecKey, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
    writeFileSync(join(dir, `${name}.ext`), extensions);
    run(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      `${by}.pem`,
      '-CAkey',
      `${by}.key`,
      '-CAcreateserial',
      '-out',
      `${name}.pem`,
      '-days',
      '1',
      '-extfile',
      `${name}.ext`,
    );
  }
  const tlsAs = (client?: string, trusting = 'server-ca') =>
    grpcCredentials.createSsl(
      pem(`${trusting}.pem`),
      client ? pem(`${client}.key`) : null,
      client ? pem(`${client}.pem`) : null,
    );

  beforeAll(async () => {
    ca('server-ca');
    ca('client-ca');
    ca('rogue-ca');
    issue('server', 'server-ca', 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
    issue('app', 'client-ca', 'extendedKeyUsage=clientAuth\n');
    issue('rogue', 'rogue-ca', 'extendedKeyUsage=clientAuth\n');
    // The operator's mapping (ADR 0051): this certificate authenticates as the admin, unsigned.
    issue('trusted', 'client-ca', 'extendedKeyUsage=clientAuth\n');
    const fingerprint = run('x509', '-in', 'trusted.pem', '-noout', '-fingerprint', '-sha256')
      .toString()
      .trim()
      .split('=')[1];
    const grpcPort = await freePort();
    address = `127.0.0.1:${grpcPort}`;
    tls = {
      IDFED_GRPC_PORT: String(grpcPort),
      IDFED_GRPC_TLS_CERT_FILE: join(dir, 'server.pem'),
      IDFED_GRPC_TLS_KEY_FILE: join(dir, 'server.key'),
      IDFED_GRPC_TLS_CLIENT_CA_FILE: join(dir, 'client-ca.pem'),
      IDFED_GRPC_CERT_PRINCIPALS: `${fingerprint}=admin`,
    };
    if (system.mode === 'distributed') {
      const env = {
        ...system.commonEnv,
        ...tls,
        IDFED_PROBE_DIR: join(dir, 'probes'),
        IDFED_METRICS_PORT: String(await freePort()),
      };
      mkdirSync(env.IDFED_PROBE_DIR, { recursive: true });
      server = startAsManifest('grpc-gateway', 'grpc-gateway-mtls', env, dir);
    } else {
      const httpPort = await freePort();
      const endpoint = `http://127.0.0.1:${httpPort}`;
      server = startApp(
        'embedded',
        {
          ...tls,
          IDFED_HTTP_PORT: String(httpPort),
          IDFED_WS_PORT: '0',
          IDFED_PUBLIC_URL: endpoint,
          IDFED_DATA_DIR: join(dir, 'data'),
          IDFED_EMBEDDED_PG_PORT: String(await freePort()),
          IDFED_ADMIN_ACCESS_KEY_ID: key.accessKeyId,
          IDFED_ADMIN_SECRET_ACCESS_KEY: key.secretAccessKey,
        },
        dir,
      );
      await waitForHealthy(endpoint, [server]);
    }
    await waitForGrpcServing(address, 90_000, tlsAs('app'));
  }, 180_000);

  afterAll(async () => {
    if (server) await stopApp(server);
  }, 60_000);

  async function refusal(call: Promise<unknown>) {
    try {
      await call;
    } catch (err) {
      return awsErrorOf(err);
    }
    throw new Error('the call was answered');
  }

  it('answers a signed call from a client whose certificate the client CA signed', async () => {
    const client = new IdfedGrpcClient(address, key, tlsAs('app'));
    try {
      expect(await client.verifyToken({ token: 'a.b.c' })).toMatchObject({
        active: false,
        errorName: 'NotAuthorizedException',
      });
    } finally {
      client.close();
    }
  });

  it('still refuses an unsigned call over mutual TLS: an unmapped certificate is not a credential', async () => {
    const client = new IdfedGrpcClient(address, key, tlsAs('app'));
    try {
      expect(await refusal(client.verifyToken({ token: 'a.b.c' }, { signer: null }))).toMatchObject({
        code: status.UNAUTHENTICATED,
        name: 'MissingAuthenticationTokenException',
      });
    } finally {
      client.close();
    }
  });

  it('answers unsigned calls on a connection whose certificate is mapped to the admin (ADR 0051)', async () => {
    const client = new IdfedGrpcClient(address, undefined, tlsAs('trusted'));
    try {
      expect(await client.verifyToken({ token: 'a.b.c' })).toMatchObject({
        active: false,
        errorName: 'NotAuthorizedException',
      });
      // An admin operation, as the admin.
      const pool = await client.invoke('cognito-idp', 'CreateUserPool', { PoolName: `mtls-${Date.now()}` });
      const poolId = (pool.UserPool as { Id: string }).Id;
      expect(poolId).toMatch(/^[\w-]+_[0-9a-zA-Z]+$/);
      await client.invoke('cognito-idp', 'DeleteUserPool', { UserPoolId: poolId });
      // The stream, unsigned.
      const stream = client.verifyTokens({ signer: null });
      const answer = new Promise((resolve, reject) => {
        stream.once('data', resolve);
        stream.once('error', reject);
      });
      stream.write({ items: [{ id: 'one', request: { token: 'a.b.c' } }] });
      expect(await answer).toMatchObject({ results: [{ id: 'one', response: { active: false } }] });
      stream.end();
      // A replayed call id means nothing here: the same call sent twice is answered twice.
      const sent = client.sign('/idfed.tokens.v1.Tokens/VerifyToken', new Uint8Array(0), key);
      for (let i = 0; i < 2; i++)
        expect(await client.verifyToken({ token: 'a.b.c' }, { metadata: sent })).toMatchObject({
          active: false,
        });
    } finally {
      client.close();
    }
  });

  it('still wants a signature from a certificate the CA signed and the mapping does not name', async () => {
    const client = new IdfedGrpcClient(address, undefined, tlsAs('app'));
    try {
      const stream = client.verifyTokens({ signer: null });
      const ended = new Promise((resolve) => stream.on('error', resolve));
      stream.write({ items: [{ id: 'one', request: { token: 'a.b.c' } }] });
      expect(awsErrorOf(await ended)).toMatchObject({
        code: status.UNAUTHENTICATED,
        name: 'MissingAuthenticationTokenException',
      });
      const signed = new IdfedGrpcClient(address, key, tlsAs('app'));
      try {
        expect(await signed.verifyToken({ token: 'a.b.c' })).toMatchObject({ active: false });
      } finally {
        signed.close();
      }
    } finally {
      client.close();
    }
  });

  it.each([
    ['no client certificate', () => tlsAs(undefined)],
    ['a certificate another CA signed', () => tlsAs('rogue')],
    ['a self-signed certificate', () => tlsAs('rogue-ca')],
    ['plaintext', () => grpcCredentials.createInsecure()],
  ])('refuses a signed call with %s, at the handshake', async (_what, channel) => {
    const client = new IdfedGrpcClient(address, key, channel());
    try {
      const refused = await refusal(
        client.verifyToken({ token: 'a.b.c' }, { deadline: Date.now() + 10_000 }),
      );
      expect(refused.code).toBe(status.UNAVAILABLE);
      expect(refused.name).toBe(''); // never reached idfed's handlers
    } finally {
      client.close();
    }
  });

  it('refuses health checks without a good client certificate too (TLS comes first)', async () => {
    await expect(waitForGrpcServing(address, 1_000, tlsAs('rogue'))).rejects.toThrow(/not SERVING/);
  });

  it('passes the TLS health probe (scripts/grpc-health.mjs) with the probe certificate only', () => {
    // The exec probe runs with the container's environment, as a kubelet runs it.
    const probe = (extra: Record<string, string>) => {
      try {
        execFileSync(process.execPath, ['scripts/grpc-health.mjs', address], {
          cwd: join(__dirname, '..'),
          env: { PATH: process.env.PATH, ...tls, ...extra },
          stdio: 'pipe',
          timeout: 20_000,
        });
        return { code: 0, stderr: '' };
      } catch (err) {
        const e = err as { status: number | null; stderr: Buffer };
        return { code: e.status, stderr: e.stderr.toString() };
      }
    };
    const asApp = {
      IDFED_GRPC_HEALTH_CERT_FILE: join(dir, 'app.pem'),
      IDFED_GRPC_HEALTH_KEY_FILE: join(dir, 'app.key'),
    };
    expect(probe(asApp)).toEqual({ code: 0, stderr: '' });
    // The server's chain and name checked when the probe is given their CA.
    const checked = {
      IDFED_GRPC_HEALTH_CA_FILE: join(dir, 'server-ca.pem'),
      IDFED_GRPC_HEALTH_SERVER_NAME: 'localhost',
    };
    expect(probe({ ...asApp, ...checked })).toEqual({ code: 0, stderr: '' });
    expect(probe({ ...asApp, ...checked, IDFED_GRPC_HEALTH_SERVER_NAME: 'elsewhere.example' }).code).toBe(1);
    expect(probe({ ...asApp, IDFED_GRPC_HEALTH_CA_FILE: join(dir, 'rogue-ca.pem') }).code).toBe(1);
    // No client certificate: said plainly, not a refused handshake to puzzle over.
    expect(probe({})).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('IDFED_GRPC_HEALTH_CERT_FILE'),
    });
    // Another CA's certificate, and plaintext, fail at the handshake.
    expect(
      probe({
        IDFED_GRPC_HEALTH_CERT_FILE: join(dir, 'rogue.pem'),
        IDFED_GRPC_HEALTH_KEY_FILE: join(dir, 'rogue.key'),
      }).code,
    ).toBe(1);
    expect(probe({ IDFED_GRPC_TLS_CERT_FILE: '', IDFED_GRPC_TLS_CLIENT_CA_FILE: '' }).code).toBe(1);
  });
});
