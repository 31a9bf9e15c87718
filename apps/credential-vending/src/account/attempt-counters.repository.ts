import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * What is counted, each with its own counter per subject: a virtual MFA device's codes (by serial
 * number, whatever the operation: STS, EnableMFADevice, ResyncMFADevice) and an IAM user's console
 * password given to ChangePassword (by user id).
 */
export type AttemptFlow = 'mfa-code' | 'password';

/**
 * How guessing is slowed down, as the user directory does it for Cognito (ADR 0011): a few free
 * failures, then lockouts that double up to a cap, forgotten after a quiet time. The same
 * IDFED_LOCKOUT_* settings.
 */
export interface LockoutPolicy {
  freeFailures: number;
  firstLockoutMs: number;
  maxLockoutMs: number;
  resetAfterMs: number;
}

export const ATTEMPT_LOCKOUT_POLICY = Symbol('ATTEMPT_LOCKOUT_POLICY');
export const ATTEMPT_COUNTER_CLOCK = Symbol('ATTEMPT_COUNTER_CLOCK');

// The failures as of now ($3): forgotten after the quiet time ($7).
const LIVE = `CASE WHEN $3::timestamptz >= greatest(a.locked_until, a.last_failure_at) + $7::float8 * interval '1 millisecond'
     THEN 0 ELSE a.failures END`;
const lockedUntil = (failures: string) => `CASE WHEN ${failures} >= $4::int
     THEN $3::timestamptz + least($6::float8, $5::float8 * power(2, least(${failures} - $4::int, 40))) * interval '1 millisecond'
     END`;

// Counted before the secret is checked, in one statement: the row lock taken by ON CONFLICT orders
// concurrent guesses on every replica, so parallel guesses cannot all be checked before the first
// failure is recorded. During a lockout the WHERE refuses the update and no row is returned.
const BEGIN = `
  INSERT INTO credential_vending.attempt_counters AS a (subject, flow, failures, locked_until, last_failure_at)
  VALUES ($1, $2, 1, ${lockedUntil('1')}, $3::timestamptz)
  ON CONFLICT (subject, flow) DO UPDATE SET
    failures = (${LIVE}) + 1,
    locked_until = ${lockedUntil(`((${LIVE}) + 1)`)},
    last_failure_at = $3::timestamptz
  WHERE a.locked_until IS NULL OR a.locked_until <= $3::timestamptz
  RETURNING a.failures`;

/**
 * Failed-attempt counting and temporary lockout of credential vending's guessable secrets, held in
 * PostgreSQL (`credential_vending.attempt_counters`) so that every replica enforces one count. Its
 * own autocommitted statements: a failure stays counted when the operation's transaction rolls back.
 */
@Injectable()
export class AttemptCounters {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ATTEMPT_LOCKOUT_POLICY) private readonly policy: LockoutPolicy,
    @Optional() @Inject(ATTEMPT_COUNTER_CLOCK) private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * Counts an attempt as a failure before its check: false (nothing counted) while the subject is
   * locked out, when even the right secret must be refused. Call `succeeded` when it was right.
   */
  async begin(flow: AttemptFlow, subject: string): Promise<boolean> {
    const p = this.policy;
    const rows = await this.dataSource.query<{ failures: number }[]>(BEGIN, [
      subject,
      flow,
      this.clock(),
      p.freeFailures,
      p.firstLockoutMs,
      p.maxLockoutMs,
      p.resetAfterMs,
    ]);
    return rows.length > 0;
  }

  /**
   * The attempt counted by `begin` turned out not to be a guess (the check failed on something
   * else: no such user, a device in use): it is taken back, and with it a lockout it set.
   */
  async notAGuess(flow: AttemptFlow, subject: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE credential_vending.attempt_counters
          SET failures = greatest(failures - 1, 0),
              locked_until = CASE WHEN failures - 1 < $3::int THEN NULL ELSE locked_until END
        WHERE subject = $1 AND flow = $2`,
      [subject, flow, this.policy.freeFailures],
    );
  }

  /** The secret was right: the failures are forgotten. */
  async succeeded(flow: AttemptFlow, subject: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE credential_vending.attempt_counters SET failures = 0, locked_until = NULL
        WHERE subject = $1 AND flow = $2`,
      [subject, flow],
    );
  }
}
