import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolRequest,
  InitiateAuthCommand,
  InitiateAuthCommandOutput,
  RespondToAuthChallengeCommand,
  SetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DataSource } from 'typeorm';
import { AttemptCountersRepository } from '../apps/user-directory/src/attempts/attempt-counters.repository';
import { AttemptLimiter, userSubject } from '../apps/user-directory/src/attempts/attempt-limiter';
import { machineDescription } from './cpu';
import { EmbeddedBench, startEmbeddedBench } from './embedded-idfed';
import {
  codeFromMailbox,
  interleavedRounds,
  loadAverage,
  mailboxLines,
  printSignInTable,
  SignInKindResult,
  signInResult,
} from './embedded-sign-in';

/**
 * Sign-in variants next to a plain password sign-in (issue 11), embedded mode, one sign-in at a
 * time, the kinds interleaved in random order (bench/embedded-sign-in.ts), with idfed's CPU per
 * sign-in from /proc and the load average around the run. Each is its own flag, short by default
 * (30 rounds after 3 warm-up rounds):
 *
 *   npm run bench -- --lockout-cost       [--rounds=N] [--json=PATH] [--keep]
 *   npm run bench -- --alias-sign-in      ...
 *   npm run bench -- --email-otp-sign-in  ...
 *   npm run bench -- --mfa-code-sign-in   ...
 *
 * - lockout-cost: a direct A/B of the lockout path. A: USER_PASSWORD_AUTH through the gateway. B:
 *   what that sign-in spends on the lockout check, run alone: AttemptLimiter.begin('password')
 *   then .succeeded() (the count before the password check and the reset after it, the two
 *   statements the sign-in issues) for the same user, the service's own classes on idfed's
 *   embedded PostgreSQL. There is no switch to turn the check off in idfed (a switch that turns
 *   off guessing protection is a hazard); B / A is the check's share of a sign-in.
 * - alias-sign-in: USER_PASSWORD_AUTH with the username next to the same user's verified email
 *   as USERNAME (a pool with AliasAttributes email: the alias lookup).
 * - email-otp-sign-in: USER_AUTH with PREFERRED_CHALLENGE EMAIL_OTP, then the emailed code
 *   (two requests), next to plain; the bench's wait for the code in the dev mailbox is left out of
 *   the wall time (the sending is idfed's CPU all the same). A user per round (codes are sent at
 *   a limited rate per user).
 * - mfa-code-sign-in: USER_PASSWORD_AUTH then SMS_MFA (the SMS through the dev mailbox driver),
 *   and then EMAIL_OTP as the second factor, next to plain; a user per round and factor.
 */

export const SIGN_IN_VARIANTS = [
  'lockout-cost',
  'alias-sign-in',
  'email-otp-sign-in',
  'mfa-code-sign-in',
] as const;
export type SignInVariant = (typeof SIGN_IN_VARIANTS)[number];

const PASSWORD = 'Bench-Variant-Passw0rd!';
const WARMUP = 3;
const MFA_MESSAGES = {
  SmsMfaConfiguration: {
    SmsAuthenticationMessage: 'Your sign-in code is {####}',
    SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sns', SnsRegion: 'us-east-1' },
  },
  EmailMfaConfiguration: { Subject: 'Your sign-in code', Message: 'Sign-in code: {####}' },
};

interface BenchUser {
  username: string;
  email: string;
  phone: string;
}

interface Pool {
  UserPoolId: string;
  ClientId: string;
}

async function poolWithClient(
  sdk: CognitoIdentityProviderClient,
  request: Partial<CreateUserPoolRequest>,
): Promise<Pool> {
  const { UserPool } = await sdk.send(
    new CreateUserPoolCommand({ PoolName: `bench-${Date.now()}`, ...request }),
  );
  const UserPoolId = UserPool!.Id!;
  const { UserPoolClient } = await sdk.send(
    new CreateUserPoolClientCommand({
      UserPoolId,
      ClientName: 'bench',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  );
  return { UserPoolId, ClientId: UserPoolClient!.ClientId! };
}

/** A confirmed user with a permanent password and a verified email and phone number. */
async function confirmedUser(
  sdk: CognitoIdentityProviderClient,
  pool: Pool,
  Username: string,
): Promise<BenchUser> {
  const email = `${Username}@example.com`;
  const phone = `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  await sdk.send(
    new AdminCreateUserCommand({
      UserPoolId: pool.UserPoolId,
      Username,
      MessageAction: 'SUPPRESS',
      TemporaryPassword: PASSWORD,
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'phone_number', Value: phone },
        { Name: 'phone_number_verified', Value: 'true' },
      ],
    }),
  );
  await sdk.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: pool.UserPoolId,
      Username,
      Password: PASSWORD,
      Permanent: true,
    }),
  );
  return { username: Username, email, phone };
}

function passwordSignIn(sdk: CognitoIdentityProviderClient, pool: Pool, USERNAME: string) {
  return sdk.send(
    new InitiateAuthCommand({
      ClientId: pool.ClientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME, PASSWORD },
    }),
  );
}

function tokensOf(answer: { AuthenticationResult?: unknown }, kind: string): void {
  if (!answer.AuthenticationResult) throw new Error(`${kind} gave no tokens`);
}

/** Answers a code challenge with the code idfed sent to `to`; returns the bench's mailbox wait. */
async function answerWithCode(
  bench: EmbeddedBench,
  pool: Pool,
  started: InitiateAuthCommandOutput,
  mark: number,
  user: { username: string },
  to: string,
): Promise<number> {
  const name = started.ChallengeName!;
  const { code, waitedMs } = await codeFromMailbox(bench.dataDir, to, mark);
  const done = await bench.sdk.send(
    new RespondToAuthChallengeCommand({
      ClientId: pool.ClientId,
      ChallengeName: name,
      Session: started.Session,
      ChallengeResponses: { USERNAME: user.username, [`${name}_CODE`]: code },
    }),
  );
  tokensOf(done, name);
  return waitedMs;
}

type Kinds = Record<string, { label: string; requests: number; run: () => Promise<number | void> }>;

async function lockoutKinds(bench: EmbeddedBench, cleanup: (() => Promise<void>)[]): Promise<Kinds> {
  const pool = await poolWithClient(bench.sdk, {});
  await confirmedUser(bench.sdk, pool, 'plain');
  const { UserAttributes } = await bench.sdk.send(
    new AdminGetUserCommand({ UserPoolId: pool.UserPoolId, Username: 'plain' }),
  );
  const sub = UserAttributes!.find((a) => a.Name === 'sub')!.Value!;
  const password = readFileSync(join(bench.dataDir, 'postgres-password'), 'utf8').trim();
  const dataSource = new DataSource({
    type: 'postgres',
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${bench.env.IDFED_EMBEDDED_PG_PORT}/idfed`,
    poolSize: 2,
  });
  await dataSource.initialize();
  cleanup.push(() => dataSource.destroy());
  // The service's defaults (IDFED_LOCKOUT_*), as the embedded idfed runs with them.
  const limiter = new AttemptLimiter(
    new AttemptCountersRepository(dataSource),
    { freeFailures: 5, firstLockoutMs: 1000, maxLockoutMs: 900_000, resetAfterMs: 900_000 },
    randomBytes(32),
  );
  const subject = userSubject({ poolId: pool.UserPoolId, sub });
  return {
    plain: {
      label: 'A: USER_PASSWORD_AUTH (gateway, service, lockout check included)',
      requests: 1,
      run: async () => tokensOf(await passwordSignIn(bench.sdk, pool, 'plain'), 'plain'),
    },
    lockout: {
      label: "B: the lockout check alone (AttemptLimiter begin + succeeded, idfed's PostgreSQL)",
      requests: 0,
      run: async () => {
        await limiter.begin('password', subject);
        await limiter.succeeded('password', subject);
      },
    },
  };
}

async function aliasKinds(bench: EmbeddedBench): Promise<Kinds> {
  const pool = await poolWithClient(bench.sdk, { AliasAttributes: ['email'] });
  const user = await confirmedUser(bench.sdk, pool, 'aliased');
  return {
    plain: {
      label: 'USER_PASSWORD_AUTH, USERNAME the username',
      requests: 1,
      run: async () => tokensOf(await passwordSignIn(bench.sdk, pool, user.username), 'plain'),
    },
    alias: {
      label: 'USER_PASSWORD_AUTH, USERNAME the verified email (AliasAttributes email)',
      requests: 1,
      run: async () => tokensOf(await passwordSignIn(bench.sdk, pool, user.email), 'alias'),
    },
  };
}

async function emailOtpKinds(bench: EmbeddedBench, rounds: number): Promise<Kinds> {
  const pool = await poolWithClient(bench.sdk, {
    Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] } },
  });
  await bench.sdk.send(
    new SetUserPoolMfaConfigCommand({
      UserPoolId: pool.UserPoolId,
      MfaConfiguration: 'OFF',
      ...MFA_MESSAGES,
    }),
  );
  await confirmedUser(bench.sdk, pool, 'plain');
  const users: BenchUser[] = [];
  for (let i = 0; i < WARMUP + rounds; i++) users.push(await confirmedUser(bench.sdk, pool, `otp-${i}`));
  let next = 0;
  return {
    plain: {
      label: 'USER_PASSWORD_AUTH',
      requests: 1,
      run: async () => tokensOf(await passwordSignIn(bench.sdk, pool, 'plain'), 'plain'),
    },
    emailOtp: {
      label: 'USER_AUTH EMAIL_OTP + the emailed code',
      requests: 2,
      run: async () => {
        const u = users[next++];
        const mark = mailboxLines(bench.dataDir).length;
        const started = await bench.sdk.send(
          new InitiateAuthCommand({
            ClientId: pool.ClientId,
            AuthFlow: 'USER_AUTH',
            AuthParameters: { USERNAME: u.username, PREFERRED_CHALLENGE: 'EMAIL_OTP' },
          }),
        );
        if (started.ChallengeName !== 'EMAIL_OTP') throw new Error(`no EMAIL_OTP: ${started.ChallengeName}`);
        return answerWithCode(bench, pool, started, mark, u, u.email);
      },
    },
  };
}

async function mfaCodeKinds(bench: EmbeddedBench, rounds: number): Promise<Kinds> {
  const pool = await poolWithClient(bench.sdk, {});
  await bench.sdk.send(
    new SetUserPoolMfaConfigCommand({
      UserPoolId: pool.UserPoolId,
      MfaConfiguration: 'OPTIONAL',
      ...MFA_MESSAGES,
    }),
  );
  await confirmedUser(bench.sdk, pool, 'plain');
  const prepare = async (prefix: string, factor: 'sms' | 'email') => {
    const users: BenchUser[] = [];
    for (let i = 0; i < WARMUP + rounds; i++) {
      const u = await confirmedUser(bench.sdk, pool, `${prefix}-${i}`);
      await bench.sdk.send(
        new AdminSetUserMFAPreferenceCommand({
          UserPoolId: pool.UserPoolId,
          Username: u.username,
          ...(factor === 'sms'
            ? { SMSMfaSettings: { Enabled: true, PreferredMfa: true } }
            : { EmailMfaSettings: { Enabled: true, PreferredMfa: true } }),
        }),
      );
      users.push(u);
    }
    return users;
  };
  const smsUsers = await prepare('sms', 'sms');
  const emailUsers = await prepare('email', 'email');
  const withCode = (
    users: Awaited<ReturnType<typeof prepare>>,
    challenge: string,
    factor: 'sms' | 'email',
  ) => {
    let next = 0;
    return async () => {
      const u = users[next++];
      const mark = mailboxLines(bench.dataDir).length;
      const started = await passwordSignIn(bench.sdk, pool, u.username);
      if (started.ChallengeName !== challenge) throw new Error(`no ${challenge}: ${started.ChallengeName}`);
      return answerWithCode(bench, pool, started, mark, u, factor === 'sms' ? u.phone : u.email);
    };
  };
  return {
    plain: {
      label: 'USER_PASSWORD_AUTH, no MFA',
      requests: 1,
      run: async () => tokensOf(await passwordSignIn(bench.sdk, pool, 'plain'), 'plain'),
    },
    sms: { label: 'USER_PASSWORD_AUTH + SMS_MFA', requests: 2, run: withCode(smsUsers, 'SMS_MFA', 'sms') },
    email: {
      label: 'USER_PASSWORD_AUTH + EMAIL_OTP (MFA)',
      requests: 2,
      run: withCode(emailUsers, 'EMAIL_OTP', 'email'),
    },
  };
}

export async function runSignInVariantBench(
  variant: SignInVariant,
  argv: string[],
): Promise<SignInKindResult[]> {
  const args = new Map(argv.map((a) => a.replace(/^--/, '').split('=') as [string, string | undefined]));
  const rounds = Number(args.get('rounds') ?? 30);
  const log = (line: string) =>
    console.error(`[${variant} ${new Date().toISOString().slice(11, 19)}] ${line}`);
  const bench = await startEmbeddedBench(variant, log);
  const cleanup: (() => Promise<void>)[] = [];
  try {
    log('preparing the pool and users');
    const kinds =
      variant === 'lockout-cost'
        ? await lockoutKinds(bench, cleanup)
        : variant === 'alias-sign-in'
          ? await aliasKinds(bench)
          : variant === 'email-otp-sign-in'
            ? await emailOtpKinds(bench, rounds)
            : await mfaCodeKinds(bench, rounds);
    const loadBefore = loadAverage();
    log(`${WARMUP} warm-up rounds, then ${rounds} rounds of each kind, interleaved; load ${loadBefore}`);
    const runs = Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, v.run]));
    const samples = await interleavedRounds(runs, WARMUP, rounds, bench.idfedCpuMs);
    const loadAfter = loadAverage();
    const results = Object.entries(kinds).map(([k, v]) => signInResult(v.label, v.requests, samples[k]));
    printSignInTable(
      `${variant}, embedded mode, one at a time, ${rounds} rounds each`,
      results,
      loadBefore,
      loadAfter,
    );
    if (variant === 'lockout-cost') {
      const [a, b] = results;
      console.log(
        `lockout check / sign-in: ${((100 * b.medianMs) / a.medianMs).toFixed(1)} % of the median wall time, ` +
          `${((100 * b.cpuMsPerSignIn) / a.cpuMsPerSignIn).toFixed(1)} % of idfed's CPU (B's CPU is PostgreSQL's share only)`,
      );
    }
    const jsonPath = args.get('json');
    if (jsonPath)
      writeFileSync(
        jsonPath,
        JSON.stringify(
          { variant, rounds, machine: machineDescription(), loadBefore, loadAfter, results },
          null,
          2,
        ),
      );
    return results;
  } finally {
    for (const c of cleanup) await c().catch(() => undefined);
    await bench.stop(args.has('keep'));
  }
}
