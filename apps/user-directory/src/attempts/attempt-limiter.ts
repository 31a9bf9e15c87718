import { Inject, Injectable, Optional } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { Transaction } from '@idfed/persistence';
import { PoolConfig } from '../pools/pool-config';
import { usernameKey } from '../users/user-lookup';
import { AdmissionTry, waitForSlot } from './attempt-admission';
import {
  AttemptCountersRepository,
  AttemptSubject,
  StoredPasswordColumns,
} from './attempt-counters.repository';
import { AttemptFlow, lockedOutError, LockoutPolicy, tooManyChecksInFlightError } from './attempt-policy';

// The shapes the limiter's callers use, defined beside the statements that store them.
export type { AttemptSubject, StoredPasswordColumns } from './attempt-counters.repository';

export function userSubject(user: { poolId: string; sub: string }): AttemptSubject {
  return { poolId: user.poolId, key: `user:${user.sub}` };
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
    @Inject(AttemptCountersRepository) private readonly counters: AttemptCountersRepository,
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
  async begin(flow: AttemptFlow, subject: AttemptSubject): Promise<void> {
    await this.admit(flow, subject, (now) => this.counters.count(flow, subject, now, this.policy));
  }

  /** The secret was right: the failures are forgotten, as Cognito resets after a successful sign-in. */
  async succeeded(flow: AttemptFlow, subject: AttemptSubject): Promise<void> {
    await this.counters.forget(flow, subject);
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
    tx: Transaction,
    subject: AttemptSubject,
    replaced: StoredPasswordColumns,
  ): Promise<void> {
    await this.counters.noteReplaced(subject, replaced, this.clock(), tx);
  }

  /** The stored password a ChangePassword replaced in the last minute, if any. */
  recentlyReplaced(subject: AttemptSubject): Promise<StoredPasswordColumns | undefined> {
    return this.counters.recentlyReplaced(subject, this.clock(), this.timing.replacedPasswordMs);
  }

  /** A slot for one check, waited for while checks in flight hold them all; refused during a lockout. */
  async reserve(flow: AttemptFlow, subject: AttemptSubject): Promise<AttemptReservation> {
    const epoch = await this.admit<number>(flow, subject, (now) =>
      this.counters.reserve(flow, subject, now, this.policy, this.timing.reservationTtlMs),
    );
    return { flow, subject, epoch };
  }

  /** Gives a reserved slot back, counting its check by its outcome. */
  async settle(reservation: AttemptReservation, outcome: CheckOutcome): Promise<void> {
    const { flow, subject, epoch } = reservation;
    await this.counters.settle(flow, subject, epoch, outcome, this.clock(), this.policy);
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
          const seen = await this.counters.look(flow, subject, now, this.policy);
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
    this.counters.sweep(now, this.policy.resetAfterMs).catch(() => undefined);
  }
}
