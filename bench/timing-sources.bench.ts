import { randomBytes, randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { migrateServiceSchema, serviceDataSourceOptions } from '@idfed/persistence';
import { compareTimings } from '../libs/testing/src/timing-statistics';
import { userDirectoryEntities } from '../apps/user-directory/src/database/entities';
import { userDirectoryMigrations } from '../apps/user-directory/src/database/migrations';
import { USER_DIRECTORY_SCHEMA } from '../apps/user-directory/src/database/schema';
import { poolConfigFromRequest } from '../apps/user-directory/src/pools/pool-config';
import { UserMfaRepository } from '../apps/user-directory/src/mfa/user-mfa.repository';
import { UsersRepository } from '../apps/user-directory/src/users/users.repository';
import { VerificationCodesRepository } from '../apps/user-directory/src/users/verification-codes.repository';
import { machineDescription } from './cpu';

/**
 * Where a known name's answer could still differ from an unknown one's (ADR 0068): each statement
 * the code operations run, timed for a user and for a name nobody has, interleaved pair by pair in
 * random order, on a database of its own (migrated like the user directory's), one statement at a
 * time. Finer than `--user-enumeration`, which times whole answers: a difference of tens of
 * microseconds shows here after a few thousand pairs, under load too.
 *
 *   npm run bench -- --timing-sources [--pairs=N] [--database-url=URL]
 *
 * The server is `--database-url` or IDFED_TEST_DATABASE_URL (e.g. from deploy/postgres/postgres.sh).
 */

const WARMUP_PAIRS = 100;
const NOBODY = '00000000-0000-0000-0000-000000000000';

async function timePairs(
  pairs: number,
  known: () => Promise<unknown>,
  unknown: () => Promise<unknown>,
): Promise<{ known: number[]; unknown: number[] }> {
  const k: number[] = [];
  const u: number[] = [];
  const time = async (f: () => Promise<unknown>) => {
    const start = process.hrtime.bigint();
    await f();
    return Number(process.hrtime.bigint() - start) / 1e3;
  };
  for (let i = 0; i < WARMUP_PAIRS + pairs; i++) {
    const knownFirst = Math.random() < 0.5;
    const a = await time(knownFirst ? known : unknown);
    const b = await time(knownFirst ? unknown : known);
    if (i < WARMUP_PAIRS) continue;
    k.push(knownFirst ? a : b);
    u.push(knownFirst ? b : a);
  }
  return { known: k, unknown: u };
}

export async function runTimingSourcesBench(argv: string[]): Promise<void> {
  const args = new Map(argv.map((a) => a.replace(/^--/, '').split('=') as [string, string | undefined]));
  const pairs = Number(args.get('pairs') ?? 1500);
  const serverUrl = args.get('database-url') ?? process.env.IDFED_TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('--database-url=<postgres url> or IDFED_TEST_DATABASE_URL is needed');
  const name = `idfed_timing_sources_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const ds = new DataSource(
    serviceDataSourceOptions({
      url: url.toString(),
      schema: USER_DIRECTORY_SCHEMA,
      entities: userDirectoryEntities,
      migrations: userDirectoryMigrations(randomBytes(32)),
    }),
  );
  try {
    await ds.initialize();
    await migrateServiceSchema(ds, USER_DIRECTORY_SCHEMA);
    const poolId = 'us-east-1_TimingSrc';
    const config = poolConfigFromRequest({ PoolName: poolId }, `arn:aws:cognito-idp:::userpool/${poolId}`);
    await ds.query(`INSERT INTO user_directory.user_pools (id, name, config) VALUES ($1, $1, $2::jsonb)`, [
      poolId,
      JSON.stringify(config),
    ]);
    const sub = randomUUID();
    await ds.query(
      `INSERT INTO user_directory.users (sub, pool_id, username, username_key, status, enabled, attributes)
       VALUES ($1, $2, 'ann', 'ann', 'CONFIRMED', true,
               '{"email":"ann@example.com","email_verified":"true","name":"Ann Example"}'::jsonb)`,
      [sub, poolId],
    );
    const codes = new VerificationCodesRepository(ds);
    const users = new UsersRepository(ds);
    const mfa = new UserMfaRepository(ds);
    const code = () => ({
      userSub: sub,
      purpose: 'forgot-password' as const,
      codeHash: 'a'.repeat(64),
      expiresAt: new Date(Date.now() + 3_600_000),
      createdAt: new Date(),
    });
    await codes.replace(code());
    await ds.query(
      `INSERT INTO user_directory.user_mfa (user_sub, totp_enabled, sms_enabled, email_enabled, updated_at)
       VALUES ($1, false, true, false, now())`,
      [sub],
    );
    // The request count (AttemptLimiter's statement, reduced to its write), with and without the
    // code's upsert beside it: what a ForgotPassword for a user and for an unknown name ran before
    // ADR 0068 stored the code after the answer.
    const count = (key: string, withCode: boolean) => {
      const counted = `INSERT INTO user_directory.attempt_counters AS a (pool_id, subject, flow, failures, last_failure_at)
        VALUES ($1, $2, 'code-delivery', 1, now())
        ON CONFLICT (pool_id, subject, flow) DO UPDATE SET failures = a.failures + 1, last_failure_at = now()
        RETURNING a.failures`;
      if (!withCode)
        return ds.query(`WITH counted AS (${counted}) SELECT (SELECT failures FROM counted)`, [poolId, key]);
      const c = code();
      return ds.query(
        `WITH counted AS (${counted}), alongside AS (
           INSERT INTO user_directory.verification_codes (user_sub, purpose, code_hash, expires_at, created_at)
           SELECT $3::uuid, $4, $5, $6::timestamptz, $7::timestamptz FROM counted
           ON CONFLICT (user_sub, purpose) DO UPDATE SET
             code_hash = excluded.code_hash, expires_at = excluded.expires_at, created_at = excluded.created_at)
         SELECT (SELECT failures FROM counted)`,
        [poolId, key, c.userSub, c.purpose, c.codeHash, c.expiresAt, c.createdAt],
      );
    };
    const digest = 'b'.repeat(64);
    const sources: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
      [
        'before: request count + code upsert (user) vs count (unknown)',
        () => count(`user:${sub}`, true),
        () => count('name:x', false),
      ],
      [
        'now: request count, user vs unknown',
        () => count(`user:${sub}`, false),
        () => count('name:x', false),
      ],
      [
        'before: code row read (TypeORM findOne), with vs without a code',
        () => codes.find(sub, 'forgot-password'),
        () => codes.find(NOBODY, 'forgot-password'),
      ],
      [
        'now: code compare (one row of booleans), with vs without a code',
        () => codes.compare(sub, 'forgot-password', digest, new Date()),
        () => codes.compare(NOBODY, 'forgot-password', digest, new Date()),
      ],
      [
        'before: MFA row read (TypeORM findOne), row vs none',
        () => mfa.find(sub),
        () => mfa.find(randomUUID()),
      ],
      [
        'now: recovery media (one row of booleans), row vs none',
        () => mfa.recoveryMedia(sub),
        () => mfa.recoveryMedia(NOBODY),
      ],
      [
        'user lookup (findByName), user vs unknown name',
        () => users.findByName(poolId, config, 'ann'),
        () => users.findByName(poolId, config, 'nobody'),
      ],
    ];
    const load: number[] = [loadavg()[0]];
    const lines = [
      `timing sources, ${pairs} interleaved pairs per statement, one at a time`,
      'statement | median known us | median unknown us | diff us | P(known slower) | p Mann-Whitney',
    ];
    for (const [label, known, unknown] of sources) {
      const sample = await timePairs(pairs, known, unknown);
      load.push(loadavg()[0]);
      const c = compareTimings(sample.known, sample.unknown);
      const p = c.pMannWhitney < 1e-4 ? c.pMannWhitney.toExponential(1) : c.pMannWhitney.toFixed(4);
      lines.push(
        [
          label,
          c.median1.toFixed(1),
          c.median2.toFixed(1),
          (c.median1 - c.median2).toFixed(1),
          c.superiority.toFixed(3),
          p,
        ].join(' | '),
      );
    }
    const machine = machineDescription();
    console.log(
      `${lines.join('\n')}\nload average (1 min) ${Math.min(...load).toFixed(1)}-${Math.max(...load).toFixed(1)}; machine: ${machine.cores} cores, ${machine.cpuModel}; ${new Date().toISOString()}`,
    );
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
    await admin.end();
  }
}
