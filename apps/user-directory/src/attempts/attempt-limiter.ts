import { Inject, Injectable, Optional } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { PoolConfig } from '../pools/pool-config';
import { usernameKey } from '../users/user-lookup';
import { AdmissionTry, waitForSlot } from './attempt-admission';
import { AttemptFlow, lockedOutError, LockoutPolicy, tooManyChecksInFlightError } from './attempt-policy';

/** Whose attempts are counted: a user, or (when a client hides user existence) a name nobody has. */
export interface AttemptSubject {
  poolId: string;
  key: string;
}

export function userSubject(user: { poolId: string; sub: string }): AttemptSubject {
  return { poolId: user.poolId, key: `user:${user.sub}` };
}

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
/** Whether the subject is locked out, as of the statement's start: tells a lockout from a full house. */
const LOCKED_PROBE = `(SELECT a.locked_until > $4::timestamptz FROM user_directory.attempt_counters a WHERE ${KEY})`;

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
  SELECT (SELECT pending_epoch FROM taken) AS epoch, ${LOCKED_PROBE} AS locked`;
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
/** Overrides of DEFAULT_RESERVATION_TIMING, for tests. */
export const RESERVATION_TIMING = Symbol('RESERVATION_TIMING');

/** How the outcome of a reserved check settles it. */
export type CheckOutcome =
  /** The secret was right: the failures are forgotten. */
  | 'right'
  /** The secret was wrong: one more failure, maybe a lockout. */
  | 'wrong'
  /** Nothing was learnt about the secret (the check failed, or ran against something else). */
  | 'not-a-guess';

/** A slot held by one check in flight, given back by `settle`. */
export interface AttemptReservation {
  flow: AttemptFlow;
  subject: AttemptSubject;
  epoch: number;
}

export interface ReservationTiming {
  /** How long a caller waits for checks in flight to settle before "too many requests". */
  maxWaitMs: number;
  /** How long a reservation holds its slot when its replica dies before settling it. */
  reservationTtlMs: number;
  /** How long a replaced password still tells a late concurrent request from a guess. */
  replacedPasswordMs: number;
}

/**
 * Far longer than a check or a request (10 s by default) takes, short enough that a crash blocks a
 * user only briefly and a replaced password is not kept.
 */
export const DEFAULT_RESERVATION_TIMING: ReservationTiming = {
  maxWaitMs: 5000,
  reservationTtlMs: 60_000,
  replacedPasswordMs: 60_000,
};

/** A stored password, sealed as the users table keeps it. */
export interface StoredPasswordColumns {
  srpSalt: string | null;
  srpVerifierEnc: Buffer | null;
  passwordHash: string | null;
}

/**
 * Failed-attempt counting and temporary lockout for every guessable secret, held in PostgreSQL so
 * that every replica of the user directory (and so every gateway) enforces the same lockout. One
 * mechanism; the flow picks the counter and the error.
 *
 * Two ways in: `begin` counts an attempt as a failure before its check and `succeeded` forgets it
 * (sign-in, codes); `check` reserves a slot, runs the check and settles the slot by its outcome, so
 * that an outcome other than right or wrong can be told apart (ChangePassword, ADR 0011). Both
 * share the row and its bound on checks in flight.
 */
@Injectable()
export class AttemptLimiter {
  private lastSweep = 0;
  private readonly timing: ReservationTiming;

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
    @Optional() @Inject(RESERVATION_TIMING) timing: Partial<ReservationTiming> = {},
  ) {
    this.timing = { ...DEFAULT_RESERVATION_TIMING, ...timing };
  }

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
    const sql = alongside
      ? `WITH counted AS (${BEGIN_ATTEMPT}), alongside AS (${alongside.sql})
         SELECT (SELECT failures FROM counted) AS failures, ${LOCKED_PROBE} AS locked`
      : `WITH counted AS (${BEGIN_ATTEMPT}) SELECT (SELECT failures FROM counted) AS failures, ${LOCKED_PROBE} AS locked`;
    await this.admit(flow, subject, async (now) => {
      const [row] = await this.dataSource.query<{ failures: number | null; locked: boolean | null }[]>(sql, [
        ...this.policyParams(subject, flow, now),
        ...(alongside?.params ?? []),
      ]);
      return row.failures !== null ? { admitted: true } : { refused: row.locked ? 'locked' : 'busy' };
    });
  }

  /** The secret was right: the failures are forgotten, as Cognito resets after a successful sign-in. */
  async succeeded(flow: AttemptFlow, subject: AttemptSubject): Promise<void> {
    await this.dataSource.query(
      `UPDATE user_directory.attempt_counters AS a SET failures = 0, locked_until = NULL WHERE ${KEY}`,
      [subject.poolId, subject.key, flow],
    );
  }

  /**
   * Runs `verify` in a reserved slot and settles the slot by the outcome it gives. A check that
   * throws learnt nothing about the secret and is not counted. Refuses while the subject is locked
   * out, and after waiting in vain for a slot.
   */
  async check(
    flow: AttemptFlow,
    subject: AttemptSubject,
    verify: () => Promise<CheckOutcome>,
  ): Promise<CheckOutcome> {
    const reservation = await this.reserve(flow, subject);
    let outcome: CheckOutcome;
    try {
      outcome = await verify();
    } catch (err) {
      await this.settle(reservation, 'not-a-guess').catch(() => undefined);
      throw err;
    }
    await this.settle(reservation, outcome);
    return outcome;
  }

  /**
   * Keeps, in the transaction that replaces it, the stored password a concurrent ChangePassword may
   * still present: one that read the user just after this change landed checks against the new
   * password, though its previous password was right when it was sent.
   */
  async noteReplaced(
    manager: EntityManager,
    subject: AttemptSubject,
    replaced: StoredPasswordColumns,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO user_directory.attempt_counters AS a
         (pool_id, subject, flow, failures, last_failure_at, replaced_salt, replaced_verifier_enc, replaced_hash, replaced_at)
       VALUES ($1, $2, 'password', 0, $3::timestamptz, $4, $5, $6, $3::timestamptz)
       ON CONFLICT (pool_id, subject, flow) DO UPDATE SET
         replaced_salt = excluded.replaced_salt, replaced_verifier_enc = excluded.replaced_verifier_enc,
         replaced_hash = excluded.replaced_hash, replaced_at = excluded.replaced_at`,
      [
        subject.poolId,
        subject.key,
        this.clock(),
        replaced.srpSalt,
        replaced.srpVerifierEnc,
        replaced.passwordHash,
      ],
    );
  }

  /** The stored password a ChangePassword replaced in the last minute, if any. */
  async recentlyReplaced(subject: AttemptSubject): Promise<StoredPasswordColumns | undefined> {
    const [row] = await this.dataSource.query<StoredPasswordColumns[]>(
      `SELECT a.replaced_salt AS "srpSalt", a.replaced_verifier_enc AS "srpVerifierEnc", a.replaced_hash AS "passwordHash"
         FROM user_directory.attempt_counters a
        WHERE a.pool_id = $1 AND a.subject = $2 AND a.flow = 'password'
          AND a.replaced_at > $3::timestamptz - $4::float8 * interval '1 millisecond'`,
      [subject.poolId, subject.key, this.clock(), this.timing.replacedPasswordMs],
    );
    return row;
  }

  /** A slot for one check, waited for while checks in flight hold them all; refused during a lockout. */
  async reserve(flow: AttemptFlow, subject: AttemptSubject): Promise<AttemptReservation> {
    const epoch = await this.admit<number>(flow, subject, async (now) => {
      const [row] = await this.dataSource.query<{ epoch: number | null; locked: boolean | null }[]>(RESERVE, [
        subject.poolId,
        subject.key,
        flow,
        now,
        this.policy.freeFailures,
        this.policy.resetAfterMs,
        this.timing.reservationTtlMs,
      ]);
      return row.epoch !== null ? { admitted: row.epoch } : { refused: row.locked ? 'locked' : 'busy' };
    });
    return { flow, subject, epoch };
  }

  /** Gives a reserved slot back, counting its check by its outcome. */
  async settle(reservation: AttemptReservation, outcome: CheckOutcome): Promise<void> {
    const { flow, subject, epoch } = reservation;
    if (outcome === 'wrong') {
      await this.dataSource.query(SETTLE_WRONG, [...this.policyParams(subject, flow, this.clock()), epoch]);
      return;
    }
    const sql = outcome === 'right' ? SETTLE_RIGHT : SETTLE_NOT_A_GUESS;
    await this.dataSource.query(sql, [subject.poolId, subject.key, flow, epoch]);
  }

  private policyParams(subject: AttemptSubject, flow: AttemptFlow, now: Date): unknown[] {
    return [
      subject.poolId,
      subject.key,
      flow,
      now,
      this.policy.freeFailures,
      this.policy.firstLockoutMs,
      this.policy.maxLockoutMs,
      this.policy.resetAfterMs,
    ];
  }

  /**
   * Tries `take` (the statement that counts or reserves), and while every slot is held, waits and
   * looks again (a read) before taking.
   */
  private async admit<T>(
    flow: AttemptFlow,
    subject: AttemptSubject,
    take: (now: Date) => Promise<AdmissionTry<T>>,
  ): Promise<T> {
    let waited = false;
    const admission = await waitForSlot(
      async () => {
        const now = this.clock();
        this.sweepNowAndThen(now);
        if (waited) {
          const [seen] = await this.dataSource.query<{ locked: boolean | null; free: boolean }[]>(LOOK, [
            subject.poolId,
            subject.key,
            flow,
            now,
            this.policy.freeFailures,
            this.policy.resetAfterMs,
          ]);
          if (seen?.locked) return { refused: 'locked' };
          if (seen && !seen.free) return { refused: 'busy' };
        }
        waited = true;
        return take(now);
      },
      { maxWaitMs: this.timing.maxWaitMs },
    );
    if ('admitted' in admission) return admission.admitted;
    throw admission.refused === 'locked' ? lockedOutError(flow) : tooManyChecksInFlightError();
  }

  /** Rows of names nobody has would otherwise pile up; a stale row means nothing anyway. */
  private sweepNowAndThen(now: Date): void {
    if (now.getTime() - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now.getTime();
    this.dataSource
      .query(
        `DELETE FROM user_directory.attempt_counters
          WHERE greatest(locked_until, last_failure_at, pending_until, replaced_at) < $1::timestamptz - $2::float8 * interval '1 millisecond'`,
        [now, this.policy.resetAfterMs],
      )
      .catch(() => undefined);
  }
}
