import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { AdmissionTry } from './attempt-admission';
import { AttemptFlow, LockoutPolicy } from './attempt-policy';

/** Whose attempts are counted: a user, or (when a client hides user existence) a name nobody has. */
export interface AttemptSubject {
  poolId: string;
  key: string;
}

/** A stored password, sealed as the users table keeps it. */
export interface StoredPasswordColumns {
  srpSalt: string | null;
  srpVerifierEnc: Buffer | null;
  passwordHash: string | null;
}

/** The outcome a reserved check is settled by (see CheckOutcome in attempt-limiter.ts). */
export type SettledAs = 'right' | 'wrong' | 'not-a-guess';

// The row's state as of now ($4): failures forgotten after the quiet time ($8), reservations
// lapsed after their time, and how many checks may be in flight: one per free failure left, then
// (after a lockout ran out) one at a time. A check is admitted only while it fits, so the failures
// already counted plus the checks in flight never exceed what the lockout allows: however many
// guesses arrive at once, no more are checked than one after another would be (ADR 0011).
const LIVE_FAILURES = `CASE WHEN $4::timestamptz >= greatest(a.locked_until, a.last_failure_at) + $8::float8 * interval '1 millisecond'
       THEN 0 ELSE a.failures END`;
const NEW_FAILURES = `(${LIVE_FAILURES} + 1)`;
const LIVE_PENDING = `CASE WHEN a.pending_until > $4::timestamptz THEN a.pending ELSE 0 END`;
const NOT_LOCKED = `(a.locked_until IS NULL OR a.locked_until <= $4::timestamptz)`;
const SLOT_FREE = `${LIVE_PENDING} < CASE WHEN ${LIVE_FAILURES} < $5::int THEN $5::int - ${LIVE_FAILURES} ELSE 1 END`;
const lockedUntil = (failures: string) => `CASE WHEN ${failures} >= $5::int
       THEN $4::timestamptz + least($7::float8, $6::float8 * power(2, least(${failures} - $5::int, 40))) * interval '1 millisecond'
       END`;
const KEY = `a.pool_id = $1 AND a.subject = $2 AND a.flow = $3`;
/**
 * Whether the subject is locked out, as of the statement's start: tells a lockout from a full
 * house. Read only when the attempt was refused (`taken` is NULL): CASE runs the subquery on
 * demand, so an admitted attempt (every sign-in) pays no second look at the row.
 */
const lockedProbe = (taken: string) => `CASE WHEN ${taken} IS NULL THEN
    (SELECT a.locked_until > $4::timestamptz FROM user_directory.attempt_counters a WHERE ${KEY}) END`;

// Counted before the secret is checked (a success resets the count), in one statement: the row
// lock taken by ON CONFLICT orders concurrent attempts on every replica, so 200 parallel guesses
// cannot all pass the check before the first failure is recorded. During a lockout, or while
// checks in flight hold every slot, the WHERE refuses the update and no row is returned.
const BEGIN_ATTEMPT = `
  INSERT INTO user_directory.attempt_counters AS a (pool_id, subject, flow, failures, locked_until, last_failure_at)
  VALUES ($1, $2, $3, 1, ${lockedUntil('1')}, $4::timestamptz)
  ON CONFLICT (pool_id, subject, flow) DO UPDATE SET
    failures = ${NEW_FAILURES},
    locked_until = ${lockedUntil(NEW_FAILURES)},
    last_failure_at = $4::timestamptz
  WHERE ${NOT_LOCKED} AND ${SLOT_FREE}
  RETURNING a.failures`;
const COUNTED = `SELECT c.failures, ${lockedProbe('c.failures')} AS locked
    FROM (SELECT (SELECT failures FROM counted) AS failures) c`;
const COUNT = `WITH counted AS (${BEGIN_ATTEMPT}) ${COUNTED}`;

// A slot for a check whose outcome settles it ($9: how long the reservation lasts if its replica
// dies before settling). The epoch starts a new run when no reservation is live. It sets no
// lockout, so the durations ($6, $7) are not sent: the quiet time and the lifetime move down to
// $6 and $7 (PostgreSQL refuses parameters it cannot type).
const RESERVE_WITH_ALL_PARAMS = `
  WITH taken AS (
    INSERT INTO user_directory.attempt_counters AS a
      (pool_id, subject, flow, failures, locked_until, last_failure_at, pending, pending_until, pending_epoch)
    VALUES ($1, $2, $3, 0, NULL, $4::timestamptz, 1, $4::timestamptz + $9::float8 * interval '1 millisecond', 1)
    ON CONFLICT (pool_id, subject, flow) DO UPDATE SET
      failures = ${LIVE_FAILURES},
      pending = ${LIVE_PENDING} + 1,
      pending_until = $4::timestamptz + $9::float8 * interval '1 millisecond',
      pending_epoch = a.pending_epoch + CASE WHEN ${LIVE_PENDING} = 0 THEN 1 ELSE 0 END
    WHERE ${NOT_LOCKED} AND ${SLOT_FREE}
    RETURNING a.pending_epoch)
  SELECT r.epoch, ${lockedProbe('r.epoch')} AS locked FROM (SELECT (SELECT pending_epoch FROM taken) AS epoch) r`;
const RESERVE = RESERVE_WITH_ALL_PARAMS.replaceAll('$8', '$6').replaceAll('$9', '$7');

// What a waiter reads before it tries again: a read takes no row lock, so hundreds of waiters do
// not queue on the row the checks in flight need to settle. Numbered as RESERVE.
const LOOK = `SELECT a.locked_until > $4::timestamptz AS locked, ${SLOT_FREE} AS free
   FROM user_directory.attempt_counters a WHERE ${KEY}`.replaceAll('$8', '$6');

// Settling gives the slot back, unless its run of reservations lapsed and a newer one began ($9).
const RELEASED = `CASE WHEN a.pending_epoch = $9::int THEN greatest(a.pending - 1, 0) ELSE a.pending END`;
const SETTLE_WRONG = `
  INSERT INTO user_directory.attempt_counters AS a (pool_id, subject, flow, failures, locked_until, last_failure_at)
  VALUES ($1, $2, $3, 1, ${lockedUntil('1')}, $4::timestamptz)
  ON CONFLICT (pool_id, subject, flow) DO UPDATE SET
    failures = ${NEW_FAILURES},
    locked_until = ${lockedUntil(NEW_FAILURES)},
    last_failure_at = $4::timestamptz,
    pending = ${RELEASED}`;
const SETTLE_RIGHT = `
  UPDATE user_directory.attempt_counters AS a SET failures = 0, locked_until = NULL, pending = ${RELEASED.replaceAll('$9', '$4')}
   WHERE ${KEY}`;
const SETTLE_NOT_A_GUESS = `
  UPDATE user_directory.attempt_counters AS a SET pending = ${RELEASED.replaceAll('$9', '$4')}
   WHERE ${KEY}`;
const FORGET = `UPDATE user_directory.attempt_counters AS a SET failures = 0, locked_until = NULL WHERE ${KEY}`;

/**
 * Every query of the attempt counters (`user_directory.attempt_counters`, migrations 0020 and
 * 0040): the failed-attempt counts, lockouts and reservations of checks in flight that
 * AttemptLimiter enforces (ADR 0011). Each count or reservation is one statement whose row lock
 * orders concurrent attempts on every replica.
 */
@Injectable()
export class AttemptCountersRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Counts an attempt as a failure before its check, unless refused. */
  async count(
    flow: AttemptFlow,
    subject: AttemptSubject,
    now: Date,
    policy: LockoutPolicy,
  ): Promise<AdmissionTry<true>> {
    const [row] = await this.dataSource.query<{ failures: number | null; locked: boolean | null }[]>(
      COUNT,
      policyParams(flow, subject, now, policy),
    );
    return row.failures !== null ? { admitted: true } : { refused: row.locked ? 'locked' : 'busy' };
  }

  /** Forgets the failures (the secret was right), as Cognito resets after a successful sign-in. */
  async forget(flow: AttemptFlow, subject: AttemptSubject): Promise<void> {
    await this.dataSource.query(FORGET, [subject.poolId, subject.key, flow]);
  }

  /** Takes a slot for one check in flight, lasting `ttlMs` unless settled: its run's epoch. */
  async reserve(
    flow: AttemptFlow,
    subject: AttemptSubject,
    now: Date,
    policy: LockoutPolicy,
    ttlMs: number,
  ): Promise<AdmissionTry<number>> {
    const [row] = await this.dataSource.query<{ epoch: number | null; locked: boolean | null }[]>(RESERVE, [
      subject.poolId,
      subject.key,
      flow,
      now,
      policy.freeFailures,
      policy.resetAfterMs,
      ttlMs,
    ]);
    return row.epoch !== null ? { admitted: row.epoch } : { refused: row.locked ? 'locked' : 'busy' };
  }

  /** Reads (no row lock) whether the subject is locked out or has a free slot; undefined without a row. */
  async look(
    flow: AttemptFlow,
    subject: AttemptSubject,
    now: Date,
    policy: LockoutPolicy,
  ): Promise<{ locked: boolean | null; free: boolean } | undefined> {
    const [seen] = await this.dataSource.query<{ locked: boolean | null; free: boolean }[]>(LOOK, [
      subject.poolId,
      subject.key,
      flow,
      now,
      policy.freeFailures,
      policy.resetAfterMs,
    ]);
    return seen;
  }

  /** Gives a reserved slot of run `epoch` back, counting its check by its outcome. */
  async settle(
    flow: AttemptFlow,
    subject: AttemptSubject,
    epoch: number,
    outcome: SettledAs,
    now: Date,
    policy: LockoutPolicy,
  ): Promise<void> {
    if (outcome === 'wrong') {
      await this.dataSource.query(SETTLE_WRONG, [...policyParams(flow, subject, now, policy), epoch]);
      return;
    }
    const sql = outcome === 'right' ? SETTLE_RIGHT : SETTLE_NOT_A_GUESS;
    await this.dataSource.query(sql, [subject.poolId, subject.key, flow, epoch]);
  }

  /** Keeps the stored password a change replaced, in the transaction that replaces it. */
  async noteReplaced(
    subject: AttemptSubject,
    replaced: StoredPasswordColumns,
    now: Date,
    tx: Transaction = this.dataSource.manager,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO user_directory.attempt_counters AS a
         (pool_id, subject, flow, failures, last_failure_at, replaced_salt, replaced_verifier_enc, replaced_hash, replaced_at)
       VALUES ($1, $2, 'password', 0, $3::timestamptz, $4, $5, $6, $3::timestamptz)
       ON CONFLICT (pool_id, subject, flow) DO UPDATE SET
         replaced_salt = excluded.replaced_salt, replaced_verifier_enc = excluded.replaced_verifier_enc,
         replaced_hash = excluded.replaced_hash, replaced_at = excluded.replaced_at`,
      [subject.poolId, subject.key, now, replaced.srpSalt, replaced.srpVerifierEnc, replaced.passwordHash],
    );
  }

  /** The stored password replaced within `withinMs` before `now`, if any. */
  async recentlyReplaced(
    subject: AttemptSubject,
    now: Date,
    withinMs: number,
  ): Promise<StoredPasswordColumns | undefined> {
    const [row] = await this.dataSource.query<StoredPasswordColumns[]>(
      `SELECT a.replaced_salt AS "srpSalt", a.replaced_verifier_enc AS "srpVerifierEnc", a.replaced_hash AS "passwordHash"
         FROM user_directory.attempt_counters a
        WHERE a.pool_id = $1 AND a.subject = $2 AND a.flow = 'password'
          AND a.replaced_at > $3::timestamptz - $4::float8 * interval '1 millisecond'`,
      [subject.poolId, subject.key, now, withinMs],
    );
    return row;
  }

  /** Deletes the rows nothing happened to for `quietMs` before `now`: a stale row means nothing. */
  async sweep(now: Date, quietMs: number): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM user_directory.attempt_counters
        WHERE greatest(locked_until, last_failure_at, pending_until, replaced_at) < $1::timestamptz - $2::float8 * interval '1 millisecond'`,
      [now, quietMs],
    );
  }
}

function policyParams(
  flow: AttemptFlow,
  subject: AttemptSubject,
  now: Date,
  policy: LockoutPolicy,
): unknown[] {
  return [
    subject.poolId,
    subject.key,
    flow,
    now,
    policy.freeFailures,
    policy.firstLockoutMs,
    policy.maxLockoutMs,
    policy.resetAfterMs,
  ];
}
