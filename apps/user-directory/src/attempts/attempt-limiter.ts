import { Inject, Injectable, Optional } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PoolConfig } from '../pools/pool-config';
import { usernameKey } from '../users/user-lookup';
import { AttemptFlow, lockedOutError, LockoutPolicy } from './attempt-policy';

/** Whose attempts are counted: a user, or (when a client hides user existence) a name nobody has. */
export interface AttemptSubject {
  poolId: string;
  key: string;
}

export function userSubject(user: { poolId: string; sub: string }): AttemptSubject {
  return { poolId: user.poolId, key: `user:${user.sub}` };
}

// One statement, so concurrent attempts on every replica see each other: the row lock taken by
// ON CONFLICT orders them. An attempt is counted before its secret is checked (a success deletes
// the row), so 200 parallel guesses cannot all pass the check before the first failure is recorded.
// During a lockout the WHERE refuses the update and nothing is returned.
const NEW_FAILURES = `CASE WHEN $4::timestamptz >= greatest(a.locked_until, a.last_failure_at) + $8::float8 * interval '1 millisecond'
       THEN 1 ELSE a.failures + 1 END`;
const lockedUntil = (failures: string) => `CASE WHEN ${failures} >= $5::int
       THEN $4::timestamptz + least($7::float8, $6::float8 * power(2, least(${failures} - $5::int, 40))) * interval '1 millisecond'
       END`;
const BEGIN_ATTEMPT = `
  INSERT INTO user_directory.attempt_counters AS a (pool_id, subject, flow, failures, locked_until, last_failure_at)
  VALUES ($1, $2, $3, 1, ${lockedUntil('1')}, $4::timestamptz)
  ON CONFLICT (pool_id, subject, flow) DO UPDATE SET
    failures = ${NEW_FAILURES},
    locked_until = ${lockedUntil(NEW_FAILURES)},
    last_failure_at = $4::timestamptz
  WHERE a.locked_until IS NULL OR a.locked_until <= $4::timestamptz
  RETURNING a.failures`;
export const ALONGSIDE_FIRST_PARAM = 9;

/**
 * A data-modifying statement run in the same statement as the count, only when the attempt is
 * admitted: it reads from `counted`, and its parameters are numbered from $9. One statement and one
 * commit whether or not there is something to write beside the count, so a known user's answer
 * takes as long as an unknown one's.
 */
export interface AlongsideStatement {
  sql: string;
  params: unknown[];
}

const SWEEP_EVERY_MS = 5 * 60 * 1000;

/** The lockout policy the limiter enforces (from configuration). */
export const LOCKOUT_POLICY = Symbol('LOCKOUT_POLICY');
/** The key of the digests of unknown names, derived from the key-encryption key once. */
export const UNKNOWN_NAME_KEY = Symbol('UNKNOWN_NAME_KEY');
/** A clock for tests; the limiter reads the wall clock when none is provided. */
export const ATTEMPT_CLOCK = Symbol('ATTEMPT_CLOCK');

/**
 * Failed-attempt counting and temporary lockout for every guessable secret, held in PostgreSQL so
 * that every replica of the user directory (and so every gateway) enforces the same lockout. One
 * mechanism; the flow picks the counter and the error.
 */
@Injectable()
export class AttemptLimiter {
  private lastSweep = 0;

  /**
   * @param nameKey keys the digests of unknown names (derived from the key-encryption key): what a
   * stranger typed as a username is sometimes a password, and a plain hash of it could be guessed
   * offline from a database dump.
   */
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(LOCKOUT_POLICY) private readonly policy: LockoutPolicy,
    @Inject(UNKNOWN_NAME_KEY) private readonly nameKey: Buffer,
    @Optional() @Inject(ATTEMPT_CLOCK) private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * A username that matches no user. Counting these too is what keeps a lockout from telling a
   * stranger which names exist: an unknown name locks out after the same number of tries. Keyed,
   * so the table holds no list of what strangers typed.
   */
  unknownName(poolId: string, config: PoolConfig, username: string): AttemptSubject {
    const digest = createHmac('sha256', this.nameKey).update(usernameKey(config, username)).digest('hex');
    return { poolId, key: `name:${digest}` };
  }

  /**
   * Counts an attempt before the secret is checked, or refuses it (even with the right secret)
   * while the subject is locked out. Call `succeeded` when the secret was right.
   */
  async begin(flow: AttemptFlow, subject: AttemptSubject, alongside?: AlongsideStatement): Promise<void> {
    const now = this.clock();
    const sql = alongside
      ? `WITH counted AS (${BEGIN_ATTEMPT}), alongside AS (${alongside.sql}) SELECT failures FROM counted`
      : BEGIN_ATTEMPT;
    const rows = await this.dataSource.query<{ failures: number }[]>(sql, [
      subject.poolId,
      subject.key,
      flow,
      now,
      this.policy.freeFailures,
      this.policy.firstLockoutMs,
      this.policy.maxLockoutMs,
      this.policy.resetAfterMs,
      ...(alongside?.params ?? []),
    ]);
    this.sweepNowAndThen(now);
    if (rows.length === 0) throw lockedOutError(flow);
  }

  /** The secret was right: the failures are forgotten, as Cognito resets after a successful sign-in. */
  async succeeded(flow: AttemptFlow, subject: AttemptSubject): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM user_directory.attempt_counters WHERE pool_id = $1 AND subject = $2 AND flow = $3`,
      [subject.poolId, subject.key, flow],
    );
  }

  /** Rows of names nobody has would otherwise pile up; a stale row means nothing anyway. */
  private sweepNowAndThen(now: Date): void {
    if (now.getTime() - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now.getTime();
    this.dataSource
      .query(
        `DELETE FROM user_directory.attempt_counters
          WHERE greatest(locked_until, last_failure_at) < $1::timestamptz - $2::float8 * interval '1 millisecond'`,
        [now, this.policy.resetAfterMs],
      )
      .catch(() => undefined);
  }
}
