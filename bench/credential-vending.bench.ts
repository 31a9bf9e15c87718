import { ChildProcess, spawn } from 'node:child_process';
import { createPrivateKey, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { freePort } from '../libs/testing/src/idfed-processes';
import { Authorizer, CredentialResolver } from '@idfed/authorizer';
import { evaluateWebIdentityTrust, parsePolicy, webIdentityContext } from '@idfed/policy';
import {
  newSecretAccessKey,
  newTemporaryAccessKeyId,
  SessionClaims,
  SessionTokenCodec,
} from '@idfed/session-credentials';
import { deriveSigningKey, signRequest, verifySigV4 } from '@idfed/sigv4';
import { JwksClient } from '../apps/credential-vending/src/web-identity/jwks.client';
import { WebIdentityProviders } from '../apps/credential-vending/src/web-identity/web-identity-providers';
import { WebIdentityTokenVerifier } from '../apps/credential-vending/src/web-identity/web-identity-token.verifier';

/**
 * Credential vending's costs (issue 3): SigV4 verification with temporary credentials plus a policy
 * decision, per second on one core, beside the raw HMAC key derivation it is measured against;
 * the CPU path of AssumeRoleWithWebIdentity; and, with --e2e, AssumeRoleWithWebIdentity and
 * temporary-credential calls through a running embedded idfed.
 *
 *   npm run build && node dist/bench/credential-vending.bench.js [--e2e] [--seconds=S] [--concurrency=N]
 */

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'] as const;
  }),
);
const SECONDS = Number(args.get('seconds') ?? 1);
const ROUNDS = Number(args.get('rounds') ?? 5);

interface Rate {
  opsPerS: number;
  usPerOp: number;
}

type Work = () => unknown;

/** Runs `fn` for SECONDS and returns the rate (one thread, so one core). Awaits only what is a promise. */
async function window(fn: Work): Promise<number> {
  let n = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(Math.round(SECONDS * 1e9));
  let now = start;
  while (now < end) {
    for (let i = 0; i < 32; i++) {
      const r = fn();
      if (r instanceof Promise) await r;
    }
    n += 32;
    now = process.hrtime.bigint();
  }
  return n / (Number(now - start) / 1e9);
}

/**
 * Best of ROUNDS windows per measurement, the measurements interleaved round by round: on a shared
 * machine, load that comes and goes then hits every measurement alike instead of one of them.
 */
async function measureAll(works: Record<string, Work>): Promise<Record<string, Rate>> {
  const best: Record<string, number> = {};
  for (const [name, fn] of Object.entries(works)) {
    const warm = Date.now() + 300;
    while (Date.now() < warm) await fn();
    best[name] = 0;
  }
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, fn] of Object.entries(works)) best[name] = Math.max(best[name], await window(fn));
  }
  return Object.fromEntries(
    Object.entries(best).map(([name, ops]) => [
      name,
      { opsPerS: Math.round(ops), usPerOp: Number((1e6 / ops).toFixed(2)) },
    ]),
  );
}

const ACCOUNT = '000000000000';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/sync`;
const ADMIN = { accessKeyId: 'AKIABENCHBENCHBENCH0', secretAccessKey: randomBytes(30).toString('base64') };

async function cpu(): Promise<Record<string, Rate | number>> {
  const codec = SessionTokenCodec.fromMasterKey(randomBytes(32));
  const rolePolicy = parsePolicy(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'OwnDatasets',
          Effect: 'Allow',
          Action: ['cognito-sync:ListRecords', 'cognito-sync:UpdateRecords', 'cognito-sync:ListDatasets'],
          Resource:
            'arn:aws:cognito-sync:us-east-1:000000000000:identitypool/${cognito-identity.amazonaws.com:aud}/identity/${cognito-identity.amazonaws.com:sub}/*',
        },
        { Effect: 'Deny', Action: 'cognito-sync:DeleteDataset', Resource: '*' },
      ],
    },
    { label: 'sync/datasets' },
  );
  const claims: SessionClaims = {
    accessKeyId: newTemporaryAccessKeyId(),
    secretAccessKey: newSecretAccessKey(),
    roleArn: ROLE,
    roleId: 'AROABENCHBENCHBENCHBE',
    sessionName: 'CognitoIdentityCredentials',
    subject: 'us-east-1:11111111-2222-3333-4444-555555555555',
    provider: 'cognito-identity.amazonaws.com',
    issuedAt: Date.now(),
    expiresAt: Date.now() + 3600_000,
    sessionPolicies: [
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'cognito-sync:*', Resource: '*' }],
      }),
    ],
    webIdentity: {
      keyPrefix: 'cognito-identity.amazonaws.com',
      claims: {
        aud: 'us-east-1:pool',
        sub: 'us-east-1:11111111-2222-3333-4444-555555555555',
        amr: ['authenticated'],
      },
    },
  };
  const token = codec.seal(claims);
  const resolver = new CredentialResolver(ACCOUNT, ADMIN, codec, { revokedBefore: () => undefined });
  const authorizer = new Authorizer(resolver, {
    policiesFor: () => Promise.resolve({ roleId: claims.roleId, policies: [rolePolicy] }),
  });
  const body =
    '{"SyncSessionToken":"abc","RecordPatches":[{"Op":"replace","Key":"k","Value":"v","SyncCount":1}]}';
  const request = (credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }) =>
    signRequest(
      {
        method: 'POST',
        path: '/identitypools/us-east-1:pool/identities/us-east-1:11111111-2222-3333-4444-555555555555/datasets/notes',
        query: '',
        headers: { host: 'sync.example.test', 'content-type': 'application/json' },
        body,
      },
      credentials,
      { region: 'us-east-1', service: 'cognito-sync' },
    );
  const tempSigned = request({ ...claims, sessionToken: token });
  const adminSigned = request(ADMIN);
  const resource =
    'arn:aws:cognito-sync:us-east-1:000000000000:identitypool/us-east-1:pool/identity/us-east-1:11111111-2222-3333-4444-555555555555/dataset/notes';

  // The check that the measured path really decides what it should.
  const principal = await authorizer.authenticate(tempSigned, { service: 'cognito-sync' });
  const decision = await authorizer.authorize({ principal, action: 'cognito-sync:UpdateRecords', resource });
  if (decision.decision !== 'Allow') throw new Error(`unexpected decision: ${decision.reason}`);

  // AssumeRoleWithWebIdentity's CPU path: RS256 token check (JWKS cached), trust policy, sealing.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256', use: 'sig' };
  const issuer = 'https://id.bench.test/identity';
  const providers = new WebIdentityProviders({ findByIssuer: () => Promise.resolve(undefined) } as never, [
    {
      issuer,
      principal: 'cognito-identity.amazonaws.com',
      audiences: 'any',
      keys: () => Promise.resolve([jwk]),
    },
  ]);
  const verifier = new WebIdentityTokenVerifier(providers, new JwksClient());
  const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const input = `${b64({ alg: 'RS256', kid: 'k1', typ: 'JWT' })}.${b64({
    iss: issuer,
    sub: claims.subject,
    aud: 'us-east-1:pool',
    amr: ['authenticated'],
    iat: now,
    exp: now + 3600,
  })}`;
  const jwt = `${input}.${sign('sha256', Buffer.from(input), createPrivateKey(privateKey.export({ format: 'pem', type: 'pkcs8' }))).toString('base64url')}`;
  const trust = parsePolicy(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: 'cognito-identity.amazonaws.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:pool' },
            'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
          },
        },
      ],
    },
    { kind: 'trust' },
  );
  const assumeCpu = async () => {
    const identity = await verifier.verify(jwt);
    const d = evaluateWebIdentityTrust(trust, {
      provider: identity.provider,
      roleArn: ROLE,
      context: webIdentityContext(identity.provider, identity.claims),
    });
    if (d.decision !== 'Allow') throw new Error('trust refused');
    return codec.seal({
      ...claims,
      accessKeyId: newTemporaryAccessKeyId(),
      secretAccessKey: newSecretAccessKey(),
    });
  };

  let day = 0;
  const rates = await measureAll({
    hmacKeyDerivation: () =>
      deriveSigningKey(ADMIN.secretAccessKey, `2030010${day++ % 9}`, 'us-east-1', 'cognito-sync'),
    sigv4VerifyAdminCachedKey: () =>
      verifySigV4(adminSigned, {
        resolveSecret: () => ADMIN.secretAccessKey,
        service: 'cognito-sync',
        region: 'us-east-1',
      }),
    sessionTokenOpen: () => codec.verify(token, claims.accessKeyId),
    policyDecision: () => authorizer.authorize({ principal, action: 'cognito-sync:UpdateRecords', resource }),
    sigv4VerifyTemporaryPlusDecision: async () => {
      const p = await authorizer.authenticate(tempSigned, { service: 'cognito-sync' });
      return authorizer.authorize({ principal: p, action: 'cognito-sync:UpdateRecords', resource });
    },
    assumeRoleWithWebIdentityCpuPath: assumeCpu,
  });
  return {
    ...rates,
    ratioVerifyPlusDecisionToHmacDerivation: Number(
      (rates.sigv4VerifyTemporaryPlusDecision.usPerOp / rates.hmacKeyDerivation.usPerOp).toFixed(2),
    ),
    sessionTokenChars: token.length,
  };
}

// ------------------------------------------------------------------ end to end (--e2e)

function startProcess(
  file: string,
  env: Record<string, string>,
): { child: ChildProcess; firstLine: Promise<string> } {
  const child = spawn(process.execPath, [file], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const firstLine = new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout });
    rl.on('line', (line) => {
      if (line.startsWith('{"idfedReady"') || line.startsWith('{"issuer"')) resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)));
  });
  child.stderr.resume();
  return { child, firstLine };
}

async function e2e(): Promise<Record<string, unknown>> {
  const root = join(__dirname, '..', '..');
  const work = mkdtempSync(join(tmpdir(), 'idfed-bench-cv-'));
  chmodSync(work, 0o755);
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const admin = {
    accessKeyId: `AKIA${randomBytes(8).toString('hex').toUpperCase()}`,
    secretAccessKey: randomBytes(30).toString('base64'),
  };
  const idp = startProcess(join(root, 'e2e', 'support', 'test-idp.server.mjs'), {});
  const system = startProcess(join(root, 'dist', 'apps', 'embedded', 'src', 'main.js'), {
    IDFED_HTTP_PORT: String(port),
    // The device gateway's port: any free one (several systems run side by side).
    IDFED_WS_PORT: '0',
    IDFED_GRPC_PORT: '0',
    IDFED_PUBLIC_URL: endpoint,
    IDFED_DATA_DIR: join(work, 'data'),
    IDFED_ADMIN_ACCESS_KEY_ID: admin.accessKeyId,
    IDFED_ADMIN_SECRET_ACCESS_KEY: admin.secretAccessKey,
    IDFED_EMBEDDED_PG_PORT: String(await freePort()),
    IDFED_LOG_LEVEL: 'warn',
  });
  try {
    const { issuer } = JSON.parse(await idp.firstLine) as { issuer: string };
    await system.firstLine;
    const query = async (
      params: Record<string, string>,
      credentials?: typeof admin & { sessionToken?: string },
      service = 'iam',
    ) => {
      const body = new URLSearchParams(params).toString();
      const headers = { host: `127.0.0.1:${port}`, 'content-type': 'application/x-www-form-urlencoded' };
      const signed = credentials
        ? signRequest({ method: 'POST', path: '/', query: '', headers, body }, credentials, {
            region: 'us-east-1',
            service,
          })
        : { headers };
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: signed.headers as Record<string, string>,
        body,
      });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`${params.Action}: ${res.status} ${text.slice(0, 300)}`);
      return text;
    };
    const urlKey = issuer.replace(/^https?:\/\//, '');
    const created = await query(
      {
        Action: 'CreateOpenIDConnectProvider',
        Version: '2010-05-08',
        Url: issuer,
        'ClientIDList.member.1': 'bench',
      },
      admin,
    );
    const providerArn = /<OpenIDConnectProviderArn>([^<]+)</.exec(created)![1];
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: providerArn },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { [`${urlKey}:aud`]: 'bench' } },
        },
      ],
    });
    await query(
      { Action: 'CreateRole', Version: '2010-05-08', RoleName: 'bench', AssumeRolePolicyDocument: trust },
      admin,
    );
    const mintRes = await fetch(`${new URL(issuer).origin}/mint`, {
      method: 'POST',
      body: JSON.stringify({ claims: { sub: 'bench-user', aud: 'bench' }, expiresIn: 3600 }),
    });
    const { token } = (await mintRes.json()) as { token: string };
    const assume = () =>
      query({
        Action: 'AssumeRoleWithWebIdentity',
        Version: '2011-06-15',
        RoleArn: `arn:aws:iam::${ACCOUNT}:role/bench`,
        RoleSessionName: 'bench',
        WebIdentityToken: token,
      });
    const first = await assume();
    const creds = {
      accessKeyId: /<AccessKeyId>([^<]+)</.exec(first)![1],
      secretAccessKey: /<SecretAccessKey>([^<]+)</.exec(first)![1],
      sessionToken: /<SessionToken>([^<]+)</.exec(first)![1],
    };
    const callerIdentity = () => query({ Action: 'GetCallerIdentity', Version: '2011-06-15' }, creds, 'sts');
    const concurrency = Number(args.get('concurrency') ?? 16);
    const seconds = Number(args.get('e2e-seconds') ?? 10);
    return {
      concurrency,
      seconds,
      assumeRoleWithWebIdentity: await load(assume, concurrency, seconds),
      getCallerIdentityWithTemporaryCredentials: await load(callerIdentity, concurrency, seconds),
    };
  } finally {
    system.child.kill('SIGTERM');
    idp.child.kill('SIGTERM');
    await new Promise((r) => system.child.once('exit', r));
    rmSync(work, { recursive: true, force: true });
  }
}

async function load(call: () => Promise<unknown>, concurrency: number, seconds: number) {
  const warmEnd = Date.now() + 2000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < warmEnd) await call();
    }),
  );
  const latencies: number[] = [];
  const end = Date.now() + seconds * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        const t = process.hrtime.bigint();
        await call();
        latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const pick = (q: number) =>
    Number(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1));
  return {
    requests: latencies.length,
    perSecond: Math.round(latencies.length / ((Date.now() - started) / 1000)),
    p50Ms: pick(0.5),
    p99Ms: pick(0.99),
  };
}

async function main(): Promise<void> {
  const result: Record<string, unknown> = { node: process.version, cpu: await cpu() };
  if (args.has('e2e')) result.e2e = await e2e();
  console.log(JSON.stringify(result, null, 2));
}

main().catch((err: Error) => {
  console.error(err);
  process.exit(1);
});
