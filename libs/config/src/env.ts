import { ConfigError, EnvReader } from './env-reader';
import { RateLimits, readRateLimits } from './rate-limits';

/**
 * idfed's configuration. The variable names are a public contract (README "Configuration").
 * Every app reads the same set; each uses the part it needs.
 */
/** Social providers' base URLs beyond the three identity pools use (IDFED_GOOGLE_ISSUER, ...). */
export interface SocialProviderUrls {
  googleApiUrl: string;
  googlePeopleApiUrl: string;
  facebookWwwUrl: string;
  amazonWwwUrl: string;
  appleIssuer: string;
}

export interface IdfedEnv {
  httpPort: number;
  /** Where the HTTP gateway listens: loopback by default, 0.0.0.0 in containers. */
  httpHost: string;
  /** Limits of every HTTP listener: slow or idle clients are cut off, connections are capped. */
  httpLimits: HttpLimits;
  wsPort: number;
  /** Limits and timers of the device gateway's websockets. */
  wsLimits: WsLimits;
  grpcPort: number;
  /** Where a service (no HTTP port of its own) answers `GET /metrics`; 0 picks a free port. */
  metricsPort: number;
  publicUrl: string;
  /**
   * User pool domains are served as `<prefix>.<authDomainSuffix>` (the port and scheme of the public
   * URL): what a Cognito domain is under `auth.<region>.amazoncognito.com`.
   */
  authDomainSuffix: string;
  /**
   * PEM certificate chain and private key files: when both are set the HTTP port speaks HTTPS
   * only (ADR 0026), for the whole HTTP surface of the gateway; with `httpsPort`
   * (`IDFED_HTTPS_PORT`) the HTTP port stays plain HTTP and HTTPS is served on that port beside it
   * (ADR 0076).
   */
  tls?: { certFile: string; keyFile: string; httpsPort?: number };
  /**
   * Custom domains (ADR 0049): the directory of the certificates their `CertificateArn`s name
   * (`<id>.pem`, `<id>.key`), the one HTTPS port serving every custom domain by SNI, and the port
   * browsers reach them on (`publicPort`, 443 unless a load balancer in front maps another one):
   * the port of the links idfed sends for a custom domain.
   */
  customDomains?: { certDir: string; httpsPort: number; publicPort: number };
  /**
   * The gRPC port's TLS (ADR 0042): PEM certificate chain and key; with `clientCaFile`, a client
   * certificate signed by that CA is required (mutual TLS), in addition to each call's signature.
   */
  grpcTls?: { certFile: string; keyFile: string; clientCaFile?: string };
  /**
   * Client certificates that authenticate gRPC calls on their own (ADR 0051): SHA-256 fingerprint
   * (64 lowercase hex digits) -> principal (`admin`). Needs mutual TLS (`grpcTls.clientCaFile`).
   */
  grpcClientCertPrincipals?: Record<string, 'admin'>;
  dataDir: string;
  kafkaBrokers?: string[];
  kafkaPartitions: number;
  /** Consumer session timeout: how long a crashed process's partitions wait before moving. */
  kafkaSessionTimeoutMs: number;
  /** Tries of a consumed event before it goes to the dead letter (failures of its handler only). */
  eventMaxAttempts: number;
  /** The pause after an event's first failed try; it doubles after each further one (to 5 s). */
  eventRetryBackoffMs: number;
  databaseUrl?: string;
  /** The administrator's URL: used only to provision the services' roles (migrate, launcher). */
  databaseAdminUrl?: string;
  /** A service's own URL (its own role), when set; it wins over databaseUrl for that service. */
  serviceDatabaseUrls: Partial<Record<DatabaseService, string>>;
  embeddedPostgresPort: number;
  /** Where a service (no HTTP port) writes the files its exec probes read. */
  probeDir: string;
  /** How many times `npm start` restarts its embedded PostgreSQL after it dies, before exiting 4. */
  embeddedPostgresMaxRestarts: number;
  /** The home region: the default of unsigned requests, and where data from before ADR 0032 lives. */
  region: string;
  /**
   * The regions served (IDFED_REGIONS, ADR 0032): `*` for every region name, or a list that always
   * holds the home region. Unset: `*` in the embedded mode, the home region alone when distributed.
   */
  regions: '*' | string[];
  accountId: string;
  /** Whether the audit stream (ADR 0054) also records successful read-only calls. */
  auditReads: boolean;
  adminAccessKeyId?: string;
  adminSecretAccessKey?: string;
  keyEncryptionKey?: Buffer;
  /** Master key of session tokens (temporary credentials); shared by credential vending and every gateway. */
  sessionTokenKey?: Buffer;
  /** How often a gateway refreshes its list of revoked role sessions from credential vending. */
  revocationRefreshMs: number;
  smtpUrl?: string;
  mailFrom: string;
  /** Where SMS messages (codes, invitations) go: the dev mailbox, or Amazon SNS (ADR 0022). */
  sms: SmsEnv;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  passwordHashMemoryKiB: number;
  requestTimeoutMs: number;
  /** Where Google's OpenID Connect discovery lives (identity pool logins with accounts.google.com). */
  googleIssuer: string;
  /** Facebook Graph API base, for checking graph.facebook.com access tokens. */
  facebookGraphUrl: string;
  /** Login with Amazon API base, for checking www.amazon.com access tokens. */
  amazonApiUrl: string;
  /** The other social providers' servers a user pool's identity providers name (ADR 0019). */
  socialProviderUrls: SocialProviderUrls;
  /** Failed attempts at a password or code allowed before the first temporary lockout. */
  lockoutFreeFailures: number;
  /** The first lockout; each further failure doubles it up to lockoutMaxMs. */
  lockoutFirstMs: number;
  lockoutMaxMs: number;
  /** Quiet time after the last lockout that forgets the failures. */
  lockoutResetMs: number;
  /** Requests per second per category of operations, shared by every replica (IDFED_RATE_LIMITS). */
  rateLimits: RateLimits;
  /** The HTTP endpoints a pool's SyncTrigger may name, by function name (ADR 0016). */
  syncTriggers: SyncTriggerEndpoint[];
  /** The key of the HMAC signature on every sync trigger call; required when syncTriggers is not empty. */
  syncTriggerSecret?: Buffer;
  /** How long UpdateRecords waits for a sync trigger's answer before LambdaThrottledException. */
  syncTriggerTimeoutMs: number;
  /** Push providers for push sync's SyncTrigger, and the delivery queue's retries. */
  push: PushEnv;
  /** The HTTP endpoints a user pool's LambdaConfig may name, by function name (ADR 0030). */
  lambdaEndpoints: SyncTriggerEndpoint[];
  /** The secret each user pool trigger endpoint's signing key is derived from; required with lambdaEndpoints. */
  lambdaSecret?: Buffer;
  /** How long a user pool trigger may take before UnexpectedLambdaException (Lambda's 5 s). */
  lambdaTimeoutMs: number;
}

/** The SMS sender (ADR 0022): the dev mailbox file, or Amazon SNS's Publish API. */
export interface SmsEnv {
  sender: 'mailbox' | 'sns';
  /** SNS's endpoint; unset, `https://sns.<region>.amazonaws.com` of the region the pool selects. */
  snsBaseUrl?: string;
  /** The region when the pool's SmsConfiguration names none (IDFED_REGION when unset). */
  snsRegion?: string;
  snsAccessKeyId?: string;
  snsSecretAccessKey?: string;
}

/** Push sync's providers (ADR 0017): FCM HTTP v1 for GCM devices, APNs for APNS / APNS_SANDBOX. */
export interface PushEnv {
  /** A Google service account key file (JSON): FCM is used only when it is set. */
  fcmServiceAccountFile?: string;
  fcmBaseUrl: string;
  /** Google's OAuth 2.0 token endpoint the service account's JWT is exchanged at. */
  fcmTokenUrl: string;
  /** An APNs authentication key (.p8, PEM): APNs is used only when it, the key id and team id are set. */
  apnsKeyFile?: string;
  apnsKeyId?: string;
  apnsTeamId?: string;
  apnsBaseUrl: string;
  apnsSandboxBaseUrl: string;
  /** Tries of one push before it is given up on. */
  maxAttempts: number;
  /** The pause after a push's first failed try; it doubles after each further one (to an hour). */
  retryBackoffMs: number;
  /** How often each device-sync replica looks for pushes due. */
  pollMs: number;
}

/** One allowed sync trigger: SetCognitoEvents names it as `arn:aws:lambda:<region>:<account>:function:<name>`. */
export interface SyncTriggerEndpoint {
  name: string;
  url: string;
}

export interface HttpLimits {
  /** The request line and headers must arrive within this (slowloris). */
  headersTimeoutMs: number;
  /** The whole request, body included, must arrive within this. */
  requestTimeoutMs: number;
  /** A handler reading a body gives up on it after this; the answer is 408 and the connection closes. */
  bodyTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** Connections past this many are refused (closed at once). */
  maxConnections: number;
}

export interface WsLimits {
  /** The server pings every socket this often; one that did not answer the previous ping is dropped. */
  heartbeatMs: number;
  /** A socket that sent no message (pongs do not count) for this long is closed. */
  idleTimeoutMs: number;
  /** Largest client frame; a bigger one closes the socket (1009). */
  maxFrameBytes: number;
  /** Dataset subscriptions one socket may hold (`*` counts as one). */
  maxSubscriptions: number;
  /** A socket whose unsent data passes this is dropped: a slow reader is not buffered for without bound. */
  maxBufferedBytes: number;
}

/** How the process runs: `npm start` (one process) or one process per app (ADR 0032's defaults). */
export type RunMode = 'embedded' | 'distributed';

/** An AWS region name as idfed accepts it (IDFED_REGION, IDFED_REGIONS, a SigV4 scope under `*`). */
export const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/**
 * Reads and validates the environment; throws one ConfigError naming every bad variable. `mode`
 * picks the defaults that differ between `npm start` and the distributed apps (IDFED_REGIONS).
 */
export function loadEnv(source: NodeJS.ProcessEnv = process.env, mode: RunMode = 'distributed'): IdfedEnv {
  const r = new EnvReader(source);
  const region = r.match('IDFED_REGION', 'us-east-1', REGION_NAME, 'an AWS region name such as us-east-1');
  const httpPort = r.port('IDFED_HTTP_PORT', 8080);
  const tlsCertFile = r.optionalMatch('IDFED_TLS_CERT_FILE', /^.{1,4096}$/, 'a file path');
  const tlsKeyFile = r.optionalMatch('IDFED_TLS_KEY_FILE', /^.{1,4096}$/, 'a file path');
  const httpsPort = r.optionalMatch('IDFED_HTTPS_PORT', /^\d{1,5}$/, 'a port number');
  const customDomainCertDir = r.optionalMatch(
    'IDFED_CUSTOM_DOMAIN_CERT_DIR',
    /^.{1,4096}$/,
    'a directory path',
  );
  const customDomainHttpsPort = r.optionalMatch(
    'IDFED_CUSTOM_DOMAIN_HTTPS_PORT',
    /^\d{1,5}$/,
    'a port number',
  );
  const customDomainPublicPort = r.optionalMatch(
    'IDFED_CUSTOM_DOMAIN_PUBLIC_PORT',
    /^\d{1,5}$/,
    'a port number',
  );
  const grpcTlsCertFile = r.optionalMatch('IDFED_GRPC_TLS_CERT_FILE', /^.{1,4096}$/, 'a file path');
  const grpcTlsKeyFile = r.optionalMatch('IDFED_GRPC_TLS_KEY_FILE', /^.{1,4096}$/, 'a file path');
  const grpcTlsClientCaFile = r.optionalMatch('IDFED_GRPC_TLS_CLIENT_CA_FILE', /^.{1,4096}$/, 'a file path');
  const grpcClientCertPrincipals = readClientCertPrincipals(r);
  const env: IdfedEnv = {
    httpPort,
    httpHost: r.string('IDFED_HTTP_HOST', '127.0.0.1'),
    httpLimits: {
      headersTimeoutMs: r.int('IDFED_HTTP_HEADERS_TIMEOUT_MS', 10000, 100, 600000),
      requestTimeoutMs: r.int('IDFED_HTTP_REQUEST_TIMEOUT_MS', 30000, 100, 600000),
      bodyTimeoutMs: r.int('IDFED_HTTP_BODY_TIMEOUT_MS', 10000, 100, 600000),
      // Well past the 5 s that Node's own agents keep an idle socket: at equal timeouts the server
      // closing an idle connection races the client reusing it ("socket hang up"), and clients
      // that pause between calls (SDKs with keep-alive agents) hit that race often.
      keepAliveTimeoutMs: r.int('IDFED_HTTP_KEEP_ALIVE_TIMEOUT_MS', 65000, 100, 600000),
      maxConnections: r.int('IDFED_HTTP_MAX_CONNECTIONS', 4096, 1, 1000000),
    },
    wsPort: r.port('IDFED_WS_PORT', 8081),
    wsLimits: {
      heartbeatMs: r.int('IDFED_WS_HEARTBEAT_MS', 30000, 100, 600000),
      idleTimeoutMs: r.int('IDFED_WS_IDLE_TIMEOUT_MS', 600000, 1000, 86_400_000),
      maxFrameBytes: r.int('IDFED_WS_MAX_FRAME_BYTES', 4096, 256, 1_048_576),
      maxSubscriptions: r.int('IDFED_WS_MAX_SUBSCRIPTIONS', 32, 1, 1024),
      maxBufferedBytes: r.int('IDFED_WS_MAX_BUFFERED_BYTES', 65536, 1024, 67_108_864),
    },
    grpcPort: r.port('IDFED_GRPC_PORT', 50051),
    metricsPort: r.port('IDFED_METRICS_PORT', 9464),
    ...(grpcTlsCertFile && grpcTlsKeyFile
      ? {
          grpcTls: {
            certFile: grpcTlsCertFile,
            keyFile: grpcTlsKeyFile,
            ...(grpcTlsClientCaFile ? { clientCaFile: grpcTlsClientCaFile } : {}),
          },
        }
      : {}),
    ...(grpcClientCertPrincipals ? { grpcClientCertPrincipals } : {}),
    ...(tlsCertFile && tlsKeyFile
      ? {
          tls: {
            certFile: tlsCertFile,
            keyFile: tlsKeyFile,
            ...(httpsPort !== undefined ? { httpsPort: r.port('IDFED_HTTPS_PORT', 0) } : {}),
          },
        }
      : {}),
    ...(customDomainCertDir
      ? {
          customDomains: {
            certDir: customDomainCertDir,
            httpsPort: r.port('IDFED_CUSTOM_DOMAIN_HTTPS_PORT', 8443),
            publicPort: r.int('IDFED_CUSTOM_DOMAIN_PUBLIC_PORT', 443, 1, 65535),
          },
        }
      : {}),
    // With IDFED_HTTPS_PORT the HTTP port stays plain HTTP, and so does the default public URL.
    publicUrl: r
      .url(
        'IDFED_PUBLIC_URL',
        `${tlsCertFile && httpsPort === undefined ? 'https' : 'http'}://localhost:${httpPort}`,
      )
      .replace(/\/+$/, ''),
    authDomainSuffix: r.match(
      'IDFED_AUTH_DOMAIN_SUFFIX',
      'auth.localhost',
      /^(?=.{1,190}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/,
      'a lower-case DNS name such as auth.localhost',
    ),
    dataDir: r.string('IDFED_DATA_DIR', './.idfed'),
    kafkaBrokers: r.list('IDFED_KAFKA_BROKERS', /^[\w.-]+:\d{1,5}$/, 'host:port[,host:port...]'),
    kafkaPartitions: r.int('IDFED_KAFKA_PARTITIONS', 6, 1, 1000),
    kafkaSessionTimeoutMs: r.int('IDFED_KAFKA_SESSION_TIMEOUT_MS', 3000, 1000, 300000),
    eventMaxAttempts: r.int('IDFED_EVENT_MAX_ATTEMPTS', 5, 1, 100),
    eventRetryBackoffMs: r.int('IDFED_EVENT_RETRY_BACKOFF_MS', 200, 1, 60000),
    databaseUrl: r.optionalMatch('IDFED_DATABASE_URL', POSTGRES_URL, 'a postgres:// URL', true),
    databaseAdminUrl: r.optionalMatch('IDFED_DATABASE_ADMIN_URL', POSTGRES_URL, 'a postgres:// URL', true),
    serviceDatabaseUrls: Object.fromEntries(
      DATABASE_SERVICES.map((service) => [
        service,
        r.optionalMatch(serviceDatabaseVariable(service), POSTGRES_URL, 'a postgres:// URL', true),
      ]),
    ),
    embeddedPostgresPort: r.port('IDFED_EMBEDDED_PG_PORT', 54329),
    probeDir: r.string('IDFED_PROBE_DIR', '/tmp'),
    embeddedPostgresMaxRestarts: r.int('IDFED_EMBEDDED_PG_MAX_RESTARTS', 3, 0, 100),
    region,
    regions: readRegions(r, region, mode),
    accountId: r.match('IDFED_ACCOUNT_ID', '000000000000', /^\d{12}$/, 'twelve digits'),
    auditReads: r.oneOf('IDFED_AUDIT_READS', 'false', ['false', 'true'] as const) === 'true',
    adminAccessKeyId: r.optionalMatch(
      'IDFED_ADMIN_ACCESS_KEY_ID',
      /^[A-Z0-9]{16,128}$/,
      '16-128 upper-case letters and digits',
    ),
    adminSecretAccessKey: r.optionalMatch(
      'IDFED_ADMIN_SECRET_ACCESS_KEY',
      /^.{16,128}$/,
      '16-128 characters',
      true,
    ),
    keyEncryptionKey: r.base64KeyOrFile('IDFED_KEY_ENCRYPTION_KEY', 'IDFED_KEY_ENCRYPTION_KEY_FILE', 32),
    sessionTokenKey: r.base64Key('IDFED_SESSION_TOKEN_KEY', 32),
    revocationRefreshMs: r.int('IDFED_REVOCATION_REFRESH_MS', 2000, 100, 60000),
    smtpUrl: r.optionalMatch('IDFED_SMTP_URL', /^smtps?:\/\/.+/, 'an smtp:// or smtps:// URL', true),
    mailFrom: r.string('IDFED_MAIL_FROM', 'no-reply@idfed.local'),
    sms: {
      sender: r.oneOf('IDFED_SMS_SENDER', 'mailbox', ['mailbox', 'sns'] as const),
      snsBaseUrl: r
        .optionalMatch('IDFED_SNS_BASE_URL', /^https?:\/\/[^\s/]+(\/\S*)?$/, 'an http:// or https:// URL')
        ?.replace(/\/+$/, ''),
      snsRegion: r.optionalMatch('IDFED_SNS_REGION', /^[a-z]{2}(-[a-z]+)+-\d+$/, 'an AWS region name'),
      snsAccessKeyId: r.optionalMatch(
        'IDFED_SNS_ACCESS_KEY_ID',
        /^[A-Z0-9]{16,128}$/,
        '16-128 upper-case letters and digits',
      ),
      snsSecretAccessKey: r.optionalMatch(
        'IDFED_SNS_SECRET_ACCESS_KEY',
        /^.{16,128}$/,
        '16-128 characters',
        true,
      ),
    },
    logLevel: r.oneOf('IDFED_LOG_LEVEL', 'info', [
      'fatal',
      'error',
      'warn',
      'info',
      'debug',
      'trace',
      'silent',
    ] as const),
    passwordHashMemoryKiB: r.int('IDFED_PASSWORD_HASH_MEMORY_KIB', 19456, 1024, 1048576),
    requestTimeoutMs: r.int('IDFED_REQUEST_TIMEOUT_MS', 10000, 100, 600000),
    googleIssuer: r.url('IDFED_GOOGLE_ISSUER', 'https://accounts.google.com').replace(/\/+$/, ''),
    facebookGraphUrl: r.url('IDFED_FACEBOOK_GRAPH_URL', 'https://graph.facebook.com').replace(/\/+$/, ''),
    amazonApiUrl: r.url('IDFED_AMAZON_API_URL', 'https://api.amazon.com').replace(/\/+$/, ''),
    socialProviderUrls: {
      googleApiUrl: r.url('IDFED_GOOGLE_API_URL', 'https://www.googleapis.com').replace(/\/+$/, ''),
      googlePeopleApiUrl: r
        .url('IDFED_GOOGLE_PEOPLE_API_URL', 'https://people.googleapis.com')
        .replace(/\/+$/, ''),
      facebookWwwUrl: r.url('IDFED_FACEBOOK_WWW_URL', 'https://www.facebook.com').replace(/\/+$/, ''),
      amazonWwwUrl: r.url('IDFED_AMAZON_WWW_URL', 'https://www.amazon.com').replace(/\/+$/, ''),
      appleIssuer: r.url('IDFED_APPLE_ISSUER', 'https://appleid.apple.com').replace(/\/+$/, ''),
    },
    lockoutFreeFailures: r.int('IDFED_LOCKOUT_FREE_FAILURES', 5, 1, 1000),
    lockoutFirstMs: r.int('IDFED_LOCKOUT_FIRST_MS', 1000, 1, 86_400_000),
    lockoutMaxMs: r.int('IDFED_LOCKOUT_MAX_MS', 900_000, 1, 86_400_000),
    lockoutResetMs: r.int('IDFED_LOCKOUT_RESET_MS', 900_000, 1, 86_400_000),
    rateLimits: readRateLimits(r, source),
    syncTriggers: readFunctionEndpoints(r, 'IDFED_SYNC_TRIGGERS'),
    syncTriggerSecret: r.base64KeyOrFile('IDFED_SYNC_TRIGGER_SECRET', 'IDFED_SYNC_TRIGGER_SECRET_FILE', 32),
    syncTriggerTimeoutMs: r.int('IDFED_SYNC_TRIGGER_TIMEOUT_MS', 3000, 100, 60000),
    push: {
      fcmServiceAccountFile: r.optionalMatch('IDFED_FCM_SERVICE_ACCOUNT_FILE', /^.+$/, 'a file path'),
      fcmBaseUrl: r.url('IDFED_FCM_BASE_URL', 'https://fcm.googleapis.com').replace(/\/+$/, ''),
      fcmTokenUrl: r.url('IDFED_FCM_TOKEN_URL', 'https://oauth2.googleapis.com/token'),
      apnsKeyFile: r.optionalMatch('IDFED_APNS_KEY_FILE', /^.+$/, 'a file path'),
      apnsKeyId: r.optionalMatch('IDFED_APNS_KEY_ID', /^[A-Z0-9]{10}$/, 'ten upper-case letters and digits'),
      apnsTeamId: r.optionalMatch(
        'IDFED_APNS_TEAM_ID',
        /^[A-Z0-9]{10}$/,
        'ten upper-case letters and digits',
      ),
      apnsBaseUrl: r.url('IDFED_APNS_BASE_URL', 'https://api.push.apple.com').replace(/\/+$/, ''),
      apnsSandboxBaseUrl: r
        .url('IDFED_APNS_SANDBOX_BASE_URL', 'https://api.sandbox.push.apple.com')
        .replace(/\/+$/, ''),
      maxAttempts: r.int('IDFED_PUSH_MAX_ATTEMPTS', 20, 1, 1000),
      retryBackoffMs: r.int('IDFED_PUSH_RETRY_BACKOFF_MS', 1000, 1, 3_600_000),
      pollMs: r.int('IDFED_PUSH_POLL_MS', 1000, 10, 60_000),
    },
    lambdaEndpoints: readFunctionEndpoints(r, 'IDFED_LAMBDA_ENDPOINTS'),
    lambdaSecret: r.base64KeyOrFile('IDFED_LAMBDA_SECRET', 'IDFED_LAMBDA_SECRET_FILE', 32),
    lambdaTimeoutMs: r.int('IDFED_LAMBDA_TIMEOUT_MS', 5000, 100, 60000),
  };
  if (env.httpPort === 0 && source.IDFED_PUBLIC_URL === undefined) {
    // Tokens name their issuer from the public URL, which a port chosen at listen time cannot give.
    r.problem('IDFED_HTTP_PORT=0 needs IDFED_PUBLIC_URL: token issuers are derived from the public URL');
  }
  if (customDomainHttpsPort !== undefined && !customDomainCertDir) {
    r.problem('IDFED_CUSTOM_DOMAIN_HTTPS_PORT needs IDFED_CUSTOM_DOMAIN_CERT_DIR (custom domains, ADR 0049)');
  }
  if (customDomainPublicPort !== undefined && !customDomainCertDir) {
    r.problem(
      'IDFED_CUSTOM_DOMAIN_PUBLIC_PORT needs IDFED_CUSTOM_DOMAIN_CERT_DIR (custom domains, ADR 0049)',
    );
  }
  if (httpsPort !== undefined && !(tlsCertFile && tlsKeyFile)) {
    r.problem('IDFED_HTTPS_PORT needs IDFED_TLS_CERT_FILE and IDFED_TLS_KEY_FILE (ADR 0076)');
  }
  if (httpsPort !== undefined && Number(httpsPort) === httpPort && httpPort !== 0) {
    r.problem('IDFED_HTTPS_PORT must differ from IDFED_HTTP_PORT (ADR 0076)');
  }
  if (!tlsCertFile !== !tlsKeyFile) {
    r.problem('IDFED_TLS_CERT_FILE and IDFED_TLS_KEY_FILE must be set together');
  }
  if (!grpcTlsCertFile !== !grpcTlsKeyFile) {
    r.problem('IDFED_GRPC_TLS_CERT_FILE and IDFED_GRPC_TLS_KEY_FILE must be set together');
  }
  if (grpcTlsClientCaFile && !grpcTlsCertFile) {
    r.problem(
      'IDFED_GRPC_TLS_CLIENT_CA_FILE needs IDFED_GRPC_TLS_CERT_FILE and IDFED_GRPC_TLS_KEY_FILE (mutual TLS)',
    );
  }
  if (grpcClientCertPrincipals && !grpcTlsClientCaFile) {
    r.problem('IDFED_GRPC_CERT_PRINCIPALS needs IDFED_GRPC_TLS_CLIENT_CA_FILE (mutual TLS)');
  }
  if (env.httpLimits.headersTimeoutMs > env.httpLimits.requestTimeoutMs) {
    r.problem('IDFED_HTTP_HEADERS_TIMEOUT_MS must not exceed IDFED_HTTP_REQUEST_TIMEOUT_MS');
  }
  if (!env.adminAccessKeyId !== !env.adminSecretAccessKey) {
    r.problem('IDFED_ADMIN_ACCESS_KEY_ID and IDFED_ADMIN_SECRET_ACCESS_KEY must be set together');
  }
  if (env.lockoutMaxMs < env.lockoutFirstMs) {
    r.problem('IDFED_LOCKOUT_MAX_MS must be at least IDFED_LOCKOUT_FIRST_MS');
  }
  if (env.syncTriggers.length > 0 && !env.syncTriggerSecret) {
    r.problem('IDFED_SYNC_TRIGGERS needs IDFED_SYNC_TRIGGER_SECRET (or _FILE): every trigger call is signed');
  }
  if (env.syncTriggerTimeoutMs * 2 > env.requestTimeoutMs) {
    // UpdateRecords must call the trigger and still commit before the command's deadline (80%).
    r.problem('IDFED_SYNC_TRIGGER_TIMEOUT_MS must be at most half of IDFED_REQUEST_TIMEOUT_MS');
  }
  if (env.lambdaEndpoints.length > 0 && !env.lambdaSecret) {
    r.problem('IDFED_LAMBDA_ENDPOINTS needs IDFED_LAMBDA_SECRET (or _FILE): every trigger call is signed');
  }
  if (env.lambdaTimeoutMs * 2 > env.requestTimeoutMs) {
    r.problem('IDFED_LAMBDA_TIMEOUT_MS must be at most half of IDFED_REQUEST_TIMEOUT_MS');
  }
  if (env.sms.sender === 'sns' && (!env.sms.snsAccessKeyId || !env.sms.snsSecretAccessKey)) {
    r.problem('IDFED_SMS_SENDER=sns needs IDFED_SNS_ACCESS_KEY_ID and IDFED_SNS_SECRET_ACCESS_KEY');
  }
  const { apnsKeyFile, apnsKeyId, apnsTeamId } = env.push;
  if (
    (apnsKeyFile === undefined) !== (apnsKeyId === undefined) ||
    (apnsKeyId === undefined) !== (apnsTeamId === undefined)
  ) {
    r.problem('IDFED_APNS_KEY_FILE, IDFED_APNS_KEY_ID and IDFED_APNS_TEAM_ID must be set together');
  }
  r.throwIfProblems();
  return env;
}

const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * IDFED_SYNC_TRIGGERS and IDFED_LAMBDA_ENDPOINTS: `name=url[,name=url...]`. Only these URLs are
 * ever called, so a caller of SetCognitoEvents or CreateUserPool can name a trigger but never
 * point idfed at an address of its choosing.
 */
function readFunctionEndpoints(r: EnvReader, variable: string): SyncTriggerEndpoint[] {
  const items = r.list(variable, /^[^=]+=.+$/, 'name=http(s)://url[,name=url...]') ?? [];
  const triggers: SyncTriggerEndpoint[] = [];
  for (const item of items) {
    const at = item.indexOf('=');
    const name = item.slice(0, at).trim();
    const url = item.slice(at + 1).trim();
    if (!FUNCTION_NAME.test(name)) {
      r.problem(`${variable}: ${name} is not a Lambda function name ([A-Za-z0-9_-], 1-64)`);
      continue;
    }
    if (triggers.some((t) => t.name === name)) {
      r.problem(`${variable}: ${name} is named twice`);
      continue;
    }
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
      r.problem(`${variable}: ${name} needs an http:// or https:// URL`);
    } else if (parsed.username || parsed.password) {
      r.problem(`${variable}: ${name}'s URL must not carry credentials (calls are signed instead)`);
    } else {
      triggers.push({ name, url: parsed.toString() });
    }
  }
  return triggers;
}

export { ConfigError };

const POSTGRES_URL = /^postgres(ql)?:\/\/.+/;

/** The services that own a schema, each of which may connect as its own role. */
export const DATABASE_SERVICES = [
  'user-directory',
  'federation-broker',
  'credential-vending',
  'device-sync',
] as const;
export type DatabaseService = (typeof DATABASE_SERVICES)[number];

/** IDFED_USER_DIRECTORY_DATABASE_URL and so on. */
export function serviceDatabaseVariable(service: DatabaseService): string {
  return `IDFED_${service.toUpperCase().replace(/-/g, '_')}_DATABASE_URL`;
}

/** The URL a service connects with: its own, else the shared IDFED_DATABASE_URL. */
export function serviceDatabaseUrl(env: IdfedEnv, service: DatabaseService): string | undefined {
  return env.serviceDatabaseUrls[service] ?? env.databaseUrl;
}

/**
 * IDFED_REGIONS: `*`, or a comma list of region names; the home region is always served. Unset,
 * every region in the embedded mode (a developer's tools sign for whatever region they like) and
 * the home region alone in the distributed one (a deployment serves what its operator declared).
 */
function readRegions(r: EnvReader, home: string, mode: RunMode): '*' | string[] {
  const raw = r.optionalMatch('IDFED_REGIONS', /^.*$/, '');
  if (raw === undefined) return mode === 'embedded' ? '*' : [home];
  if (raw.trim() === '*') return '*';
  const list = r.list(
    'IDFED_REGIONS',
    REGION_NAME,
    '`*` or a comma list of AWS region names such as eu-west-1',
  );
  return list ? [...new Set([home, ...list])] : [home];
}

/** Whether a request signed for (or naming) `region` is served (IDFED_REGION, IDFED_REGIONS). */
/**
 * `IDFED_GRPC_CERT_PRINCIPALS`: `<sha256 fingerprint>=admin`, comma-separated; the
 * fingerprint in hex, colons allowed (as `openssl x509 -fingerprint -sha256` prints it).
 */
function readClientCertPrincipals(r: EnvReader): Record<string, 'admin'> | undefined {
  const raw = r.optionalMatch('IDFED_GRPC_CERT_PRINCIPALS', /^.{1,16384}$/, 'a list');
  if (raw === undefined) return undefined;
  const out: Record<string, 'admin'> = {};
  for (const entry of raw
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const m = /^([0-9a-fA-F:]+)=(\w+)$/.exec(entry);
    const fingerprint = m?.[1].replace(/:/g, '').toLowerCase();
    if (!m || !/^[0-9a-f]{64}$/.test(fingerprint!) || m[2] !== 'admin') {
      r.problem(
        `IDFED_GRPC_CERT_PRINCIPALS: ${JSON.stringify(entry.slice(0, 80))} is not <SHA-256 fingerprint>=admin`,
      );
      continue;
    }
    out[fingerprint!] = 'admin';
  }
  return Object.keys(out).length ? out : undefined;
}

export function regionServed(env: Pick<IdfedEnv, 'region' | 'regions'>, region: string): boolean {
  if (region === env.region) return true;
  return env.regions === '*' ? REGION_NAME.test(region) : env.regions.includes(region);
}

/** Whether the database is an external PostgreSQL rather than the embedded one. */
export function usesExternalDatabase(env: IdfedEnv): boolean {
  return Boolean(
    env.databaseUrl || env.databaseAdminUrl || Object.values(env.serviceDatabaseUrls).some(Boolean),
  );
}
