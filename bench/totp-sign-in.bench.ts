import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  AdminCreateUserCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SetUserPoolMfaConfigCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { Secret, TOTP } from 'otpauth';
import {
  freePort,
  startApp,
  StartedProcess,
  stopApp,
  waitForHealthy,
} from '../libs/testing/src/idfed-processes';
import { descendantsOf, machineDescription, totalCpuMs } from './cpu';

/**
 * A sign-in with a software token (TOTP) next to a plain password sign-in (issue 11), embedded
 * mode, one sign-in at a time, the two kinds interleaved in random order so a shared machine's
 * drift hits both alike. Plain: USER_PASSWORD_AUTH of a user without MFA (one request). TOTP:
 * USER_PASSWORD_AUTH then SOFTWARE_TOKEN_MFA with a code computed by otpauth (two requests); each
 * TOTP user signs in once (a code is accepted once per user), so `--rounds` users are prepared.
 * Besides the wall time, the CPU idfed's processes used per sign-in, read from /proc around each
 * one, and the machine's load average at the start and the end (a shared machine).
 *
 *   npm run bench -- --totp-sign-in [--rounds=N] [--json=PATH] [--keep]
 */

const PASSWORD = 'Bench-Totp-Passw0rd!';
const WARMUP = 5;

export interface TotpSignInResult {
  kind: string;
  requests: number;
  medianMs: number;
  p95Ms: number;
  /** idfed's CPU (all its processes and threads) per sign-in, mean over the rounds, from /proc. */
  cpuMsPerSignIn: number;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

export async function runTotpSignInBench(argv: string[]): Promise<TotpSignInResult[]> {
  const args = new Map(argv.map((a) => a.replace(/^--/, '').split('=') as [string, string | undefined]));
  const rounds = Number(args.get('rounds') ?? 100);
  const root = resolve(join(__dirname, '..', '..'));
  const log = (line: string) =>
    console.error(`[totp-sign-in ${new Date().toISOString().slice(11, 19)}] ${line}`);
  const workDir = mkdtempSync(join(tmpdir(), 'idfed-bench-totp-'));
  chmodSync(workDir, 0o755);
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const admin = {
    accessKeyId: `AKIA${randomBytes(8).toString('hex').toUpperCase()}`,
    secretAccessKey: randomBytes(30).toString('base64'),
  };
  const env = {
    IDFED_HTTP_HOST: '127.0.0.1',
    IDFED_HTTP_PORT: String(port),
    IDFED_WS_PORT: '0',
    IDFED_GRPC_PORT: '0',
    IDFED_PUBLIC_URL: endpoint,
    IDFED_DATA_DIR: join(workDir, 'data'),
    IDFED_EMBEDDED_PG_PORT: String(await freePort()),
    IDFED_ADMIN_ACCESS_KEY_ID: admin.accessKeyId,
    IDFED_ADMIN_SECRET_ACCESS_KEY: admin.secretAccessKey,
    IDFED_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    IDFED_LOG_LEVEL: 'warn',
    IDFED_RATE_LIMITS: 'off',
  };
  log(`starting idfed from ${root}`);
  const app: StartedProcess = startApp(root, 'embedded', env, workDir);
  const sdk = new CognitoIdentityProviderClient({
    endpoint,
    region: 'us-east-1',
    credentials: admin,
    maxAttempts: 1,
  });
  try {
    await waitForHealthy(endpoint, [app], 180_000);
    const idfedPids = () => [app.child.pid!, ...descendantsOf([app.child.pid!])];
    const idfedCpuMs = () => totalCpuMs(idfedPids());

    const { UserPool } = await sdk.send(new CreateUserPoolCommand({ PoolName: `bench-totp-${Date.now()}` }));
    const UserPoolId = UserPool!.Id!;
    await sdk.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId,
        MfaConfiguration: 'OPTIONAL',
        SoftwareTokenMfaConfiguration: { Enabled: true },
      }),
    );
    const ClientId = (
      await sdk.send(
        new CreateUserPoolClientCommand({
          UserPoolId,
          ClientName: 'bench',
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        }),
      )
    ).UserPoolClient!.ClientId!;
    const passwordSignIn = (Username: string) =>
      sdk.send(
        new InitiateAuthCommand({
          ClientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: Username, PASSWORD },
        }),
      );
    async function user(Username: string): Promise<void> {
      await sdk.send(
        new AdminCreateUserCommand({
          UserPoolId,
          Username,
          MessageAction: 'SUPPRESS',
          TemporaryPassword: PASSWORD,
        }),
      );
      await sdk.send(
        new AdminSetUserPasswordCommand({ UserPoolId, Username, Password: PASSWORD, Permanent: true }),
      );
    }
    await user('plain');
    const totpUsers: { name: string; secret: string }[] = [];
    log(`preparing ${WARMUP + rounds} users with a software token`);
    for (let i = 0; i < WARMUP + rounds; i++) {
      const name = `totp-${i}`;
      await user(name);
      const AccessToken = (await passwordSignIn(name)).AuthenticationResult!.AccessToken!;
      const { SecretCode } = await sdk.send(new AssociateSoftwareTokenCommand({ AccessToken }));
      const code = new TOTP({ secret: Secret.fromBase32(SecretCode!) }).generate();
      await sdk.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: code }));
      await sdk.send(
        new AdminSetUserMFAPreferenceCommand({
          UserPoolId,
          Username: name,
          SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
        }),
      );
      totpUsers.push({ name, secret: SecretCode! });
    }

    let next = 0;
    const kinds = {
      plain: async () => {
        const done = await passwordSignIn('plain');
        if (!done.AuthenticationResult) throw new Error('plain sign-in gave no tokens');
      },
      totp: async () => {
        const u = totpUsers[next++];
        const challenged = await passwordSignIn(u.name);
        if (challenged.ChallengeName !== 'SOFTWARE_TOKEN_MFA') throw new Error('no SOFTWARE_TOKEN_MFA');
        // The next step's code: inside the one-step window, and after the step VerifySoftwareToken used.
        const code = new TOTP({ secret: Secret.fromBase32(u.secret) }).generate({
          timestamp: Date.now() + 30_000,
        });
        const done = await sdk.send(
          new RespondToAuthChallengeCommand({
            ClientId,
            ChallengeName: 'SOFTWARE_TOKEN_MFA',
            Session: challenged.Session,
            ChallengeResponses: { USERNAME: u.name, SOFTWARE_TOKEN_MFA_CODE: code },
          }),
        );
        if (!done.AuthenticationResult) throw new Error('TOTP sign-in gave no tokens');
      },
    };
    const samples: Record<keyof typeof kinds, { ms: number[]; cpuMs: number }> = {
      plain: { ms: [], cpuMs: 0 },
      totp: { ms: [], cpuMs: 0 },
    };
    const loadBefore = loadAverage();
    log(`${WARMUP} warm-up rounds, then ${rounds} rounds of each kind, interleaved; load ${loadBefore}`);
    for (let i = 0; i < WARMUP + rounds; i++) {
      const order: (keyof typeof kinds)[] = Math.random() < 0.5 ? ['plain', 'totp'] : ['totp', 'plain'];
      for (const kind of order) {
        const cpu0 = idfedCpuMs();
        const start = process.hrtime.bigint();
        await kinds[kind]();
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        const cpu = idfedCpuMs() - cpu0;
        if (i >= WARMUP) {
          samples[kind].ms.push(ms);
          samples[kind].cpuMs += cpu;
        }
      }
    }
    const loadAfter = loadAverage();
    const results: TotpSignInResult[] = (
      [
        ['plain', 'USER_PASSWORD_AUTH, no MFA', 1],
        ['totp', 'USER_PASSWORD_AUTH + SOFTWARE_TOKEN_MFA', 2],
      ] as const
    ).map(([key, kind, requests]) => ({
      kind,
      requests,
      medianMs: quantile(samples[key].ms, 0.5),
      p95Ms: quantile(samples[key].ms, 0.95),
      cpuMsPerSignIn: samples[key].cpuMs / samples[key].ms.length,
    }));
    const machine = machineDescription();
    const fmt = (n: number) => n.toFixed(1);
    console.log(
      [
        `TOTP sign-in next to plain, embedded mode, one at a time, ${rounds} rounds each`,
        'sign-in | requests | median ms | p95 ms | idfed CPU ms per sign-in (/proc)',
        ...results.map((r) =>
          [r.kind, r.requests, fmt(r.medianMs), fmt(r.p95Ms), fmt(r.cpuMsPerSignIn)].join(' | '),
        ),
        `load average before: ${loadBefore}; after: ${loadAfter}`,
        `machine: ${machine.cores} cores, ${machine.cpuModel}, ${machine.memoryGiB} GiB; ${new Date().toISOString()}`,
      ].join('\n'),
    );
    const jsonPath = args.get('json');
    if (jsonPath)
      writeFileSync(jsonPath, JSON.stringify({ rounds, machine, loadBefore, loadAfter, results }, null, 2));
    return results;
  } finally {
    sdk.destroy();
    await stopApp(app);
    if (!args.has('keep')) rmSync(workDir, { recursive: true, force: true });
  }
}
