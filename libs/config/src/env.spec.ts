import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadEnv, regionServed } from './env';

describe('loadEnv', () => {
  it('applies the documented defaults', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({
      httpPort: 8080,
      wsPort: 8081,
      grpcPort: 50051,
      publicUrl: 'http://localhost:8080',
      dataDir: './.idfed',
      region: 'us-east-1',
      accountId: '000000000000',
    });
    expect(env.kafkaBrokers).toBeUndefined();
    expect(env.databaseUrl).toBeUndefined();
  });

  it('serves every region embedded and the home region alone distributed by default (ADR 0032)', () => {
    const embedded = loadEnv({ IDFED_REGION: 'eu-west-1' }, 'embedded');
    expect(embedded.regions).toBe('*');
    expect(['eu-west-1', 'ap-southeast-2', 'us-east-1'].every((r) => regionServed(embedded, r))).toBe(true);
    expect(regionServed(embedded, 'moon')).toBe(false);
    const distributed = loadEnv({ IDFED_REGION: 'eu-west-1' });
    expect(distributed.regions).toEqual(['eu-west-1']);
    expect(regionServed(distributed, 'eu-west-1')).toBe(true);
    expect(regionServed(distributed, 'us-east-1')).toBe(false);
  });

  it('reads IDFED_REGIONS as * or a list that always holds the home region', () => {
    expect(loadEnv({ IDFED_REGIONS: '*' }).regions).toBe('*');
    const listed = loadEnv({ IDFED_REGIONS: 'eu-west-1, ap-southeast-2' }, 'embedded');
    expect(listed.regions).toEqual(['us-east-1', 'eu-west-1', 'ap-southeast-2']);
    expect(regionServed(listed, 'us-east-1')).toBe(true);
    expect(regionServed(listed, 'us-west-2')).toBe(false);
    expect(() => loadEnv({ IDFED_REGIONS: 'eu-west-1,moon' })).toThrow(/IDFED_REGIONS=eu-west-1,moon/);
  });

  it("bounds the device gateway's sockets, with defaults", () => {
    expect(loadEnv({}).wsLimits).toEqual({
      heartbeatMs: 30000,
      idleTimeoutMs: 600000,
      maxFrameBytes: 4096,
      maxSubscriptions: 32,
      maxBufferedBytes: 65536,
    });
    expect(() => loadEnv({ IDFED_WS_MAX_FRAME_BYTES: '10' })).toThrow(/IDFED_WS_MAX_FRAME_BYTES/);
  });

  it('derives the public URL from the HTTP port and trims a trailing slash', () => {
    expect(loadEnv({ IDFED_HTTP_PORT: '9000' }).publicUrl).toBe('http://localhost:9000');
    expect(loadEnv({ IDFED_PUBLIC_URL: 'https://id.example.com/' }).publicUrl).toBe('https://id.example.com');
  });

  it("reads the gRPC port's TLS and mutual TLS files, and refuses incomplete sets", () => {
    expect(loadEnv({}).grpcTls).toBeUndefined();
    const tls = {
      IDFED_GRPC_TLS_CERT_FILE: '/certs/grpc.pem',
      IDFED_GRPC_TLS_KEY_FILE: '/certs/grpc-key.pem',
    };
    expect(loadEnv(tls).grpcTls).toEqual({ certFile: '/certs/grpc.pem', keyFile: '/certs/grpc-key.pem' });
    expect(loadEnv({ ...tls, IDFED_GRPC_TLS_CLIENT_CA_FILE: '/certs/apps-ca.pem' }).grpcTls).toEqual({
      certFile: '/certs/grpc.pem',
      keyFile: '/certs/grpc-key.pem',
      clientCaFile: '/certs/apps-ca.pem',
    });
    // The HTTP port's TLS is another setting.
    expect(loadEnv(tls).tls).toBeUndefined();
    expect(() => loadEnv({ IDFED_GRPC_TLS_CERT_FILE: '/certs/grpc.pem' })).toThrow(/must be set together/);
    expect(() => loadEnv({ IDFED_GRPC_TLS_CLIENT_CA_FILE: '/certs/apps-ca.pem' })).toThrow(/mutual TLS/);
  });

  it('maps client certificates by SHA-256 fingerprint to the admin, only with mutual TLS (ADR 0051)', () => {
    const mutual = {
      IDFED_GRPC_TLS_CERT_FILE: '/certs/grpc.pem',
      IDFED_GRPC_TLS_KEY_FILE: '/certs/grpc-key.pem',
      IDFED_GRPC_TLS_CLIENT_CA_FILE: '/certs/apps-ca.pem',
    };
    const a =
      '98:CA:77:94:C6:F2:EF:3D:08:AC:42:8E:A0:10:87:FF:E7:99:EB:F5:F5:09:A4:2F:B6:16:2F:4B:84:F6:7B:5A';
    const b = 'ab'.repeat(32);
    expect(loadEnv(mutual).grpcClientCertPrincipals).toBeUndefined();
    expect(
      loadEnv({ ...mutual, IDFED_GRPC_CERT_PRINCIPALS: `${a}=admin, ${b}=admin` }).grpcClientCertPrincipals,
    ).toEqual({
      [a.replace(/:/g, '').toLowerCase()]: 'admin',
      [b]: 'admin',
    });
    expect(() => loadEnv({ ...mutual, IDFED_GRPC_CERT_PRINCIPALS: `${b}=root` })).toThrow(
      /<SHA-256 fingerprint>=admin/,
    );
    expect(() => loadEnv({ ...mutual, IDFED_GRPC_CERT_PRINCIPALS: 'CN=app=admin' })).toThrow(
      /<SHA-256 fingerprint>=admin/,
    );
    expect(() => loadEnv({ ...mutual, IDFED_GRPC_CERT_PRINCIPALS: `${b.slice(2)}=admin` })).toThrow(
      /fingerprint/,
    );
    const { IDFED_GRPC_TLS_CLIENT_CA_FILE: _ca, ...tlsOnly } = mutual;
    expect(() => loadEnv({ ...tlsOnly, IDFED_GRPC_CERT_PRINCIPALS: `${b}=admin` })).toThrow(
      /needs IDFED_GRPC_TLS_CLIENT_CA_FILE/,
    );
  });

  it('enables custom domains with a certificate directory, on their own HTTPS port (ADR 0049)', () => {
    expect(loadEnv({}).customDomains).toBeUndefined();
    expect(loadEnv({ IDFED_CUSTOM_DOMAIN_CERT_DIR: '/certs/domains' }).customDomains).toEqual({
      certDir: '/certs/domains',
      httpsPort: 8443,
      publicPort: 443,
    });
    expect(
      loadEnv({ IDFED_CUSTOM_DOMAIN_CERT_DIR: '/certs/domains', IDFED_CUSTOM_DOMAIN_HTTPS_PORT: '9443' })
        .customDomains,
    ).toEqual({ certDir: '/certs/domains', httpsPort: 9443, publicPort: 443 });
    expect(() => loadEnv({ IDFED_CUSTOM_DOMAIN_HTTPS_PORT: '9443' })).toThrow(
      /needs IDFED_CUSTOM_DOMAIN_CERT_DIR/,
    );
  });

  it("takes custom domains' public port for their links, 443 unless set", () => {
    const dir = { IDFED_CUSTOM_DOMAIN_CERT_DIR: '/certs/domains' };
    expect(loadEnv({ ...dir, IDFED_CUSTOM_DOMAIN_PUBLIC_PORT: '8443' }).customDomains?.publicPort).toBe(8443);
    expect(() => loadEnv({ ...dir, IDFED_CUSTOM_DOMAIN_PUBLIC_PORT: '0' })).toThrow(
      /IDFED_CUSTOM_DOMAIN_PUBLIC_PORT=0/,
    );
    expect(() => loadEnv({ ...dir, IDFED_CUSTOM_DOMAIN_PUBLIC_PORT: '70000' })).toThrow(
      /IDFED_CUSTOM_DOMAIN_PUBLIC_PORT/,
    );
    expect(() => loadEnv({ IDFED_CUSTOM_DOMAIN_PUBLIC_PORT: '8443' })).toThrow(
      /IDFED_CUSTOM_DOMAIN_PUBLIC_PORT needs IDFED_CUSTOM_DOMAIN_CERT_DIR/,
    );
  });

  it('speaks HTTPS with a certificate and key given together, and defaults the public URL to https', () => {
    const tls = { IDFED_TLS_CERT_FILE: '/certs/idfed.pem', IDFED_TLS_KEY_FILE: '/certs/idfed-key.pem' };
    expect(loadEnv(tls)).toMatchObject({
      tls: { certFile: '/certs/idfed.pem', keyFile: '/certs/idfed-key.pem' },
      publicUrl: 'https://localhost:8080',
    });
    expect(loadEnv({}).tls).toBeUndefined();
    expect(() => loadEnv({ IDFED_TLS_CERT_FILE: '/certs/idfed.pem' })).toThrow(/must be set together/);
    expect(() => loadEnv({ IDFED_TLS_KEY_FILE: '/certs/idfed-key.pem' })).toThrow(/must be set together/);
  });

  it('serves HTTPS on a port of its own beside plain HTTP with IDFED_HTTPS_PORT (ADR 0076)', () => {
    const tls = { IDFED_TLS_CERT_FILE: '/certs/idfed.pem', IDFED_TLS_KEY_FILE: '/certs/idfed-key.pem' };
    expect(loadEnv({ ...tls, IDFED_HTTPS_PORT: '8443' })).toMatchObject({
      httpPort: 8080,
      tls: { certFile: '/certs/idfed.pem', keyFile: '/certs/idfed-key.pem', httpsPort: 8443 },
      // The HTTP port stays plain HTTP, and so does the default public URL.
      publicUrl: 'http://localhost:8080',
    });
    expect(loadEnv(tls).tls?.httpsPort).toBeUndefined();
    expect(() => loadEnv({ IDFED_HTTPS_PORT: '8443' })).toThrow(/IDFED_HTTPS_PORT needs IDFED_TLS_CERT_FILE/);
    expect(() => loadEnv({ ...tls, IDFED_HTTPS_PORT: '8080' })).toThrow(/must differ from IDFED_HTTP_PORT/);
    expect(() => loadEnv({ ...tls, IDFED_HTTPS_PORT: '99999' })).toThrow(/IDFED_HTTPS_PORT=99999/);
    expect(() => loadEnv({ ...tls, IDFED_HTTPS_PORT: 'https' })).toThrow(/IDFED_HTTPS_PORT/);
  });

  it('points social login checks at the real providers unless configured', () => {
    expect(loadEnv({})).toMatchObject({
      googleIssuer: 'https://accounts.google.com',
      facebookGraphUrl: 'https://graph.facebook.com',
      amazonApiUrl: 'https://api.amazon.com',
    });
    expect(loadEnv({ IDFED_FACEBOOK_GRAPH_URL: 'http://127.0.0.1:9000/' }).facebookGraphUrl).toBe(
      'http://127.0.0.1:9000',
    );
    expect(() => loadEnv({ IDFED_AMAZON_API_URL: 'ftp://x' })).toThrow(/IDFED_AMAZON_API_URL/);
  });

  it('requires a public URL when the HTTP port is chosen at listen time', () => {
    expect(() => loadEnv({ IDFED_HTTP_PORT: '0' })).toThrow(/IDFED_PUBLIC_URL/);
    expect(loadEnv({ IDFED_HTTP_PORT: '0', IDFED_PUBLIC_URL: 'http://127.0.0.1:9999' }).httpPort).toBe(0);
  });

  it('locks out as Cognito does unless configured, and refuses a cap below the first lockout', () => {
    expect(loadEnv({})).toMatchObject({
      lockoutFreeFailures: 5,
      lockoutFirstMs: 1000,
      lockoutMaxMs: 900_000,
      lockoutResetMs: 900_000,
    });
    expect(loadEnv({ IDFED_LOCKOUT_FIRST_MS: '600000' }).lockoutFirstMs).toBe(600_000);
    expect(() => loadEnv({ IDFED_LOCKOUT_FIRST_MS: '2000', IDFED_LOCKOUT_MAX_MS: '1000' })).toThrow(
      /IDFED_LOCKOUT_MAX_MS/,
    );
    expect(() => loadEnv({ IDFED_LOCKOUT_FREE_FAILURES: '0' })).toThrow(/IDFED_LOCKOUT_FREE_FAILURES/);
  });

  it("limits request rates to Cognito's default quotas unless configured", () => {
    expect(loadEnv({}).rateLimits).toMatchObject({
      UserAuthentication: 120,
      UserCreation: 50,
      UserUpdate: 25,
    });
    const tuned = loadEnv({ IDFED_RATE_LIMITS: 'UserCreation=0.5, UserAuthentication=off' }).rateLimits;
    expect(tuned).toMatchObject({ UserCreation: 0.5, UserAuthentication: Infinity, UserRead: 120 });
    expect(Object.values(loadEnv({ IDFED_RATE_LIMITS: 'off' }).rateLimits).every((v) => v === Infinity)).toBe(
      true,
    );
    expect(loadEnv({ IDFED_RATE_LIMITS: '*=1000,Iam=2' }).rateLimits).toMatchObject({
      UserRead: 1000,
      Iam: 2,
    });
    expect(() => loadEnv({ IDFED_RATE_LIMITS: 'UserCreaton=5' })).toThrow(/unknown category "UserCreaton"/);
    expect(() => loadEnv({ IDFED_RATE_LIMITS: 'UserCreation=0' })).toThrow(/UserCreation needs a positive/);
    expect(() => loadEnv({ IDFED_RATE_LIMITS: 'UserCreation' })).toThrow(/UserCreation needs a positive/);
  });

  it('parses a broker list', () => {
    expect(loadEnv({ IDFED_KAFKA_BROKERS: 'a:9092, b:9093' }).kafkaBrokers).toEqual(['a:9092', 'b:9093']);
  });

  it('names every bad variable at once', () => {
    let error: unknown;
    try {
      loadEnv({
        IDFED_HTTP_PORT: 'eighty',
        IDFED_REGION: 'moon',
        IDFED_ACCOUNT_ID: '12',
        IDFED_KAFKA_BROKERS: 'nope',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['IDFED_HTTP_PORT', 'IDFED_REGION', 'IDFED_ACCOUNT_ID', 'IDFED_KAFKA_BROKERS']) {
      expect(problems).toContain(name);
    }
  });

  it('requires admin key id and secret together and never echoes the secret', () => {
    expect(() => loadEnv({ IDFED_ADMIN_ACCESS_KEY_ID: 'AKIAEXAMPLEEXAMPLE' })).toThrow(
      /must be set together/,
    );
    try {
      loadEnv({ IDFED_ADMIN_ACCESS_KEY_ID: 'AKIAEXAMPLEEXAMPLE', IDFED_ADMIN_SECRET_ACCESS_KEY: 'short' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect((err as Error).message).toContain('IDFED_ADMIN_SECRET_ACCESS_KEY');
      expect((err as Error).message).not.toContain('short');
    }
  });

  it('accepts only a 32-byte key-encryption key', () => {
    expect(() => loadEnv({ IDFED_KEY_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') })).toThrow(
      /IDFED_KEY_ENCRYPTION_KEY/,
    );
    expect(
      loadEnv({ IDFED_KEY_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64') }).keyEncryptionKey,
    ).toHaveLength(32);
  });

  it('reads the key-encryption key from IDFED_KEY_ENCRYPTION_KEY_FILE, never from both places', () => {
    const dir = mkdtempSync(join(tmpdir(), 'idfed-kek-'));
    const file = join(dir, 'kek');
    const key = Buffer.alloc(32, 9);
    writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600 });
    expect(loadEnv({ IDFED_KEY_ENCRYPTION_KEY_FILE: file }).keyEncryptionKey).toEqual(key);
    expect(() =>
      loadEnv({ IDFED_KEY_ENCRYPTION_KEY_FILE: file, IDFED_KEY_ENCRYPTION_KEY: key.toString('base64') }),
    ).toThrow(/not both/);
    expect(() => loadEnv({ IDFED_KEY_ENCRYPTION_KEY_FILE: join(dir, 'missing') })).toThrow(/cannot read/);
    writeFileSync(file, Buffer.alloc(16).toString('base64'));
    expect(() => loadEnv({ IDFED_KEY_ENCRYPTION_KEY_FILE: file })).toThrow(/expected 32 bytes/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('accepts only a 32-byte session token key and never echoes it', () => {
    const short = Buffer.alloc(31, 7).toString('base64');
    expect(() => loadEnv({ IDFED_SESSION_TOKEN_KEY: short })).toThrow(/IDFED_SESSION_TOKEN_KEY/);
    try {
      loadEnv({ IDFED_SESSION_TOKEN_KEY: short });
    } catch (err) {
      expect((err as Error).message).not.toContain(short);
    }
    expect(loadEnv({}).sessionTokenKey).toBeUndefined();
    expect(
      loadEnv({ IDFED_SESSION_TOKEN_KEY: Buffer.alloc(32, 2).toString('base64') }).sessionTokenKey,
    ).toEqual(Buffer.alloc(32, 2));
  });

  it('reads the allowed sync triggers, their signing secret and timeout', () => {
    expect(loadEnv({})).toMatchObject({ syncTriggers: [], syncTriggerTimeoutMs: 3000 });
    const secret = Buffer.alloc(32, 5).toString('base64');
    const env = loadEnv({
      IDFED_SYNC_TRIGGERS: 'award=http://127.0.0.1:9000/award, check-score=https://hooks.example.com/score',
      IDFED_SYNC_TRIGGER_SECRET: secret,
      IDFED_SYNC_TRIGGER_TIMEOUT_MS: '2000',
    });
    expect(env.syncTriggers).toEqual([
      { name: 'award', url: 'http://127.0.0.1:9000/award' },
      { name: 'check-score', url: 'https://hooks.example.com/score' },
    ]);
    expect(env.syncTriggerSecret).toEqual(Buffer.alloc(32, 5));
    expect(() => loadEnv({ IDFED_SYNC_TRIGGERS: 'award=http://127.0.0.1:9000/' })).toThrow(
      /IDFED_SYNC_TRIGGERS needs IDFED_SYNC_TRIGGER_SECRET/,
    );
    const bad = (value: string) => () =>
      loadEnv({ IDFED_SYNC_TRIGGERS: value, IDFED_SYNC_TRIGGER_SECRET: secret });
    expect(bad('award=ftp://x/')).toThrow(/award needs an http/);
    expect(bad('a b=http://x/')).toThrow(/not a Lambda function name/);
    expect(bad('a=http://x/,a=http://y/')).toThrow(/named twice/);
    expect(bad('a=http://user:pw@x/')).toThrow(/must not carry credentials/);
    try {
      bad('a=http://user:pw@x/')();
    } catch (err) {
      expect((err as Error).message).not.toContain('pw@');
    }
    expect(() => loadEnv({ IDFED_SYNC_TRIGGER_TIMEOUT_MS: '6000' })).toThrow(
      /at most half of IDFED_REQUEST_TIMEOUT_MS/,
    );
  });

  it('bounds the revocation refresh interval', () => {
    expect(loadEnv({}).revocationRefreshMs).toBe(2000);
    expect(loadEnv({ IDFED_REVOCATION_REFRESH_MS: '500' }).revocationRefreshMs).toBe(500);
    expect(() => loadEnv({ IDFED_REVOCATION_REFRESH_MS: '10' })).toThrow(/IDFED_REVOCATION_REFRESH_MS/);
  });

  it('bounds the tries of a consumed event and the pause between them', () => {
    expect(loadEnv({})).toMatchObject({ eventMaxAttempts: 5, eventRetryBackoffMs: 200 });
    expect(loadEnv({ IDFED_EVENT_MAX_ATTEMPTS: '1', IDFED_EVENT_RETRY_BACKOFF_MS: '50' })).toMatchObject({
      eventMaxAttempts: 1,
      eventRetryBackoffMs: 50,
    });
    expect(() => loadEnv({ IDFED_EVENT_MAX_ATTEMPTS: '0' })).toThrow(/IDFED_EVENT_MAX_ATTEMPTS/);
    expect(() => loadEnv({ IDFED_EVENT_RETRY_BACKOFF_MS: 'soon' })).toThrow(/IDFED_EVENT_RETRY_BACKOFF_MS/);
  });
});
