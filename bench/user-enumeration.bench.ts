import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { compareTimings, TimingComparison } from '../libs/testing/src/timing-statistics';
import { machineDescription } from './cpu';
import { checkoutRoot, startEmbeddedBench } from './embedded-idfed';
import { awsJsonClient, AwsJsonClient, Reply } from './load';

/**
 * Can a stranger tell whether a user exists from how long idfed takes to answer? For each
 * operation that PreventUserExistenceErrors covers, the same request is sent for a known user and
 * for an unknown name, interleaved pair by pair in random order (so drifts of a shared machine hit
 * both alike), and the two samples are compared with Mann–Whitney U and Welch's t. The answers'
 * content is compared too. Embedded mode, one request at a time.
 *
 *   npm run bench -- --user-enumeration [--pairs=N] [--root=DIR] [--json=PATH] [--keep]
 *
 * --root points at another built checkout (e.g. the main branch before a change) to measure it
 * with the same harness.
 */

const TARGET = (op: string) => `AWSCognitoIdentityProviderService.${op}`;
const PASSWORD = 'Bench-Enum-Passw0rd!';
const WRONG_PASSWORD = 'Wrong-Enum-Passw0rd!';
const NEW_PASSWORD = 'Bench-Enum-New-Passw0rd!';
const NAMES_PER_GROUP = 8;
const WARMUP_PAIRS = 20;
/** Below this p-value (two-sided) a difference counts as detected. */
const ALPHA = 0.01;

export interface EnumerationResult {
  operation: string;
  comparison: TimingComparison;
  /** The first difference in content between a known and an unknown answer, if any. */
  contentDifference?: string;
}

interface Fixture {
  clientId: string;
  /** Confirmed users with a verified email, and unconfirmed ones (for the sign-up operations). */
  confirmed: string[];
  unconfirmed: string[];
  unknown: string[];
}

interface Operation {
  name: string;
  users: (f: Fixture) => string[];
  /** Sends what is not measured (e.g. the SRP challenge before its answer) and returns the timed request. */
  prepare(client: AwsJsonClient, f: Fixture, username: string): Promise<{ target: string; body: string }>;
}

function srpTimestamp(d = new Date()): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const two = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${d.getUTCDate()} ${two(d.getUTCHours())}:${two(
    d.getUTCMinutes(),
  )}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** Any A below N with A mod N != 0 is a valid SRP_A; 3000 random bits are. */
const srpA = () => `1${randomBytes(375).toString('hex')}`;

const json = (target: string, body: object) => ({ target: TARGET(target), body: JSON.stringify(body) });

const OPERATIONS: Operation[] = [
  {
    name: 'InitiateAuth USER_PASSWORD_AUTH, wrong password',
    users: (f) => f.confirmed,
    prepare: async (_c, f, USERNAME) =>
      json('InitiateAuth', {
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: f.clientId,
        AuthParameters: { USERNAME, PASSWORD: WRONG_PASSWORD },
      }),
  },
  {
    name: 'InitiateAuth USER_SRP_AUTH (PASSWORD_VERIFIER challenge)',
    users: (f) => f.confirmed,
    prepare: async (_c, f, USERNAME) =>
      json('InitiateAuth', {
        AuthFlow: 'USER_SRP_AUTH',
        ClientId: f.clientId,
        AuthParameters: { USERNAME, SRP_A: srpA() },
      }),
  },
  {
    name: 'RespondToAuthChallenge PASSWORD_VERIFIER, wrong proof',
    users: (f) => f.confirmed,
    async prepare(client, f, USERNAME) {
      const reply = await client.call(
        TARGET('InitiateAuth'),
        JSON.stringify({
          AuthFlow: 'USER_SRP_AUTH',
          ClientId: f.clientId,
          AuthParameters: { USERNAME, SRP_A: srpA() },
        }),
      );
      const params = (JSON.parse(reply.body) as { ChallengeParameters: Record<string, string> })
        .ChallengeParameters;
      return json('RespondToAuthChallenge', {
        ChallengeName: 'PASSWORD_VERIFIER',
        ClientId: f.clientId,
        ChallengeResponses: {
          USERNAME: params.USER_ID_FOR_SRP,
          PASSWORD_CLAIM_SECRET_BLOCK: params.SECRET_BLOCK,
          PASSWORD_CLAIM_SIGNATURE: randomBytes(32).toString('base64'),
          TIMESTAMP: srpTimestamp(),
        },
      });
    },
  },
  {
    name: 'ForgotPassword',
    users: (f) => f.confirmed,
    prepare: async (_c, f, Username) => json('ForgotPassword', { ClientId: f.clientId, Username }),
  },
  {
    name: 'ConfirmForgotPassword, wrong code',
    users: (f) => f.confirmed,
    prepare: async (_c, f, Username) =>
      json('ConfirmForgotPassword', {
        ClientId: f.clientId,
        Username,
        ConfirmationCode: '000000',
        Password: NEW_PASSWORD,
      }),
  },
  {
    name: 'ResendConfirmationCode',
    users: (f) => f.unconfirmed,
    prepare: async (_c, f, Username) => json('ResendConfirmationCode', { ClientId: f.clientId, Username }),
  },
  {
    name: 'ConfirmSignUp, wrong code',
    users: (f) => f.unconfirmed,
    prepare: async (_c, f, Username) =>
      json('ConfirmSignUp', { ClientId: f.clientId, Username, ConfirmationCode: '000000' }),
  },
];

/** What an answer says, without what legitimately varies (SRP numbers, sealed blocks). */
function contentOf(reply: Reply): string {
  if (reply.error) {
    const { message } = JSON.parse(reply.body || '{}') as { message?: string };
    return `${reply.status} ${reply.error}: ${message ?? ''}`;
  }
  const body = JSON.parse(reply.body || '{}') as Record<string, unknown>;
  const shape = (value: unknown): unknown =>
    value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [
              k,
              k === 'DeliveryMedium' || k === 'AttributeName' || k === 'ChallengeName' ? v : shape(v),
            ]),
        )
      : typeof value;
  return `${reply.status} ${JSON.stringify(shape(body))}`;
}

async function createFixture(
  endpoint: string,
  admin: { accessKeyId: string; secretAccessKey: string },
): Promise<Fixture> {
  const sdk = new CognitoIdentityProviderClient({
    endpoint,
    region: 'us-east-1',
    credentials: admin,
    maxAttempts: 1,
  });
  try {
    const { UserPool } = await sdk.send(
      new CreateUserPoolCommand({ PoolName: `enumeration-${Date.now()}`, AutoVerifiedAttributes: ['email'] }),
    );
    const UserPoolId = UserPool!.Id!;
    const { UserPoolClient } = await sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId,
        ClientName: 'hiding',
        PreventUserExistenceErrors: 'ENABLED',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    const clientId = UserPoolClient!.ClientId!;
    const stamp = randomBytes(4).toString('hex');
    const confirmed: string[] = [];
    const unconfirmed: string[] = [];
    for (let i = 0; i < NAMES_PER_GROUP; i++) {
      const Username = `known-${stamp}-${i}`;
      await sdk.send(
        new AdminCreateUserCommand({
          UserPoolId,
          Username,
          MessageAction: 'SUPPRESS',
          TemporaryPassword: PASSWORD,
          UserAttributes: [
            { Name: 'email', Value: `${Username}@example.com` },
            { Name: 'email_verified', Value: 'true' },
          ],
        }),
      );
      await sdk.send(
        new AdminSetUserPasswordCommand({ UserPoolId, Username, Password: PASSWORD, Permanent: true }),
      );
      confirmed.push(Username);
      const pending = `pending-${stamp}-${i}`;
      await sdk.send(
        new SignUpCommand({
          ClientId: clientId,
          Username: pending,
          Password: PASSWORD,
          UserAttributes: [{ Name: 'email', Value: `${pending}@example.com` }],
        }),
      );
      unconfirmed.push(pending);
    }
    const unknown = Array.from({ length: NAMES_PER_GROUP }, (_, i) => `nobody-${stamp}-${i}`);
    return { clientId, confirmed, unconfirmed, unknown };
  } finally {
    sdk.destroy();
  }
}

async function timed(
  client: AwsJsonClient,
  request: { target: string; body: string },
): Promise<{ ms: number; reply: Reply }> {
  const start = process.hrtime.bigint();
  const reply = await client.call(request.target, request.body);
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, reply };
}

async function measure(
  client: AwsJsonClient,
  f: Fixture,
  op: Operation,
  pairs: number,
): Promise<EnumerationResult> {
  const known: number[] = [];
  const unknown: number[] = [];
  let contentDifference: string | undefined;
  const names = op.users(f);
  for (let i = 0; i < WARMUP_PAIRS + pairs; i++) {
    const knownName = names[i % names.length];
    const unknownName = f.unknown[i % f.unknown.length];
    const order = Math.random() < 0.5 ? [knownName, unknownName] : [unknownName, knownName];
    const results = new Map<string, { ms: number; reply: Reply }>();
    for (const name of order) results.set(name, await timed(client, await op.prepare(client, f, name)));
    if (i < WARMUP_PAIRS) continue;
    const k = results.get(knownName)!;
    const u = results.get(unknownName)!;
    known.push(k.ms);
    unknown.push(u.ms);
    if (!contentDifference && contentOf(k.reply) !== contentOf(u.reply))
      contentDifference = `known: ${contentOf(k.reply)} / unknown: ${contentOf(u.reply)}`;
  }
  return { operation: op.name, comparison: compareTimings(known, unknown), contentDifference };
}

function report(results: EnumerationResult[], pairs: number, root: string): string {
  const fmt = (n: number, digits = 2) => n.toFixed(digits);
  const p = (v: number) => (v < 1e-4 ? v.toExponential(1) : v.toFixed(4));
  const lines = [
    `user-enumeration timing, embedded mode, ${pairs} interleaved pairs per operation (${root})`,
    'operation | median known ms | median unknown ms | P(known slower) | p Mann-Whitney | p Welch | timing | content',
  ];
  for (const r of results) {
    const c = r.comparison;
    const detected = c.pMannWhitney < ALPHA || c.pWelch < ALPHA;
    lines.push(
      [
        r.operation,
        fmt(c.median1),
        fmt(c.median2),
        fmt(c.superiority, 3),
        p(c.pMannWhitney),
        p(c.pWelch),
        detected ? `DIFFERS (p < ${ALPHA})` : 'no difference detected',
        r.contentDifference ? `DIFFERS: ${r.contentDifference}` : 'same',
      ].join(' | '),
    );
  }
  return lines.join('\n');
}

export async function runUserEnumerationBench(argv: string[]): Promise<EnumerationResult[]> {
  const args = new Map(argv.map((a) => a.replace(/^--/, '').split('=') as [string, string | undefined]));
  const pairs = Number(args.get('pairs') ?? 200);
  const root = resolve(args.get('root') ?? checkoutRoot());
  const log = (line: string) =>
    console.error(`[user-enumeration ${new Date().toISOString().slice(11, 19)}] ${line}`);
  const bench = await startEmbeddedBench('enum', log, {
    root,
    healthTimeoutMs: 120_000,
    keep: args.has('keep'),
    // The same names are tried hundreds of times: lockouts would answer instead of the code path measured.
    env: { IDFED_LOCKOUT_FREE_FAILURES: '1000' },
  });
  const { endpoint, admin } = bench;
  const client = awsJsonClient(endpoint, 1);
  try {
    const fixture = await createFixture(endpoint, admin);
    const results: EnumerationResult[] = [];
    for (const op of OPERATIONS) {
      log(`${op.name}: ${pairs} pairs`);
      results.push(await measure(client, fixture, op, pairs));
    }
    const machine = machineDescription();
    const text = report(results, pairs, root);
    console.log(
      `${text}\nmachine: ${machine.cores} cores, ${machine.cpuModel}, ${machine.memoryGiB} GiB; ${new Date().toISOString()}`,
    );
    const jsonPath = args.get('json');
    if (jsonPath) writeFileSync(jsonPath, JSON.stringify({ pairs, root, machine, results }, null, 2));
    return results;
  } finally {
    client.close();
    await bench.stop(args.has('keep'));
  }
}

if (require.main === module) {
  runUserEnumerationBench(process.argv.slice(2)).then(
    () => process.exit(0),
    (err: Error) => {
      console.error(`bench failed: ${err.stack ?? err.message}`);
      process.exit(1);
    },
  );
}
