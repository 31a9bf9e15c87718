import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { RateLimitCategory, RateLimits } from '@idfed/config';
import { SERVICE_SCHEMA } from '@idfed/persistence';
import { DataSource } from 'typeorm';

/** The request rate limits of the client operations a service serves (IDFED_RATE_LIMITS). */
export const RATE_LIMITS = Symbol('RATE_LIMITS');
/** The clock of the token buckets: Date.now unless provided (tests construct theirs with one). */
export const RATE_LIMIT_CLOCK = Symbol('RATE_LIMIT_CLOCK');

/** A replica takes this much of a second's worth of tokens from the shared bucket at a time. */
const LEASE_FRACTION_OF_RATE = 0.1;
/** Tokens leased and not used within this long are dropped (never handed back: that errs low). */
const LEASE_LIFE_MS = 1000;
/** Warnings about an unreachable bucket table, at most this often. */
const WARN_EVERY_MS = 10_000;

interface LocalLease {
  tokens: number;
  expiresAt: number;
  /** The shared bucket was empty: refuse locally until then, without asking the database. */
  emptyUntil: number;
  /** Requests waiting for the lease being taken: it asks for at least as many tokens. */
  waiting: number;
  pending?: Promise<void>;
}

/**
 * Token buckets per category, one per deployment: the bucket is a row in the service's schema
 * (`rate_limit_buckets`), refilled at the category's rate with a capacity of one second's worth.
 * Each replica leases a tenth of a second's worth of tokens at a time with one atomic statement and
 * spends them in memory, so a request costs a database write only once per lease (at 1,800 refreshes
 * a second and a limit of 2,000: about 10 writes a second), and when the bucket is empty the
 * replica refuses locally until the next token is due. See ADR 0007.
 */
@Injectable()
export class SharedRateLimiter {
  private readonly leases = new Map<RateLimitCategory, LocalLease>();
  private readonly logger = new Logger('RateLimits');
  private lastWarning = 0;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(SERVICE_SCHEMA) private readonly schema: string,
    @Inject(RATE_LIMITS) private readonly limits: RateLimits,
    @Optional() @Inject(RATE_LIMIT_CLOCK) private readonly clock: () => number = Date.now,
  ) {}

  /** True when a request of this category may run now. */
  async admit(category: RateLimitCategory): Promise<boolean> {
    const rate = this.limits[category];
    if (!Number.isFinite(rate)) return true;
    let lease = this.leases.get(category);
    if (!lease) this.leases.set(category, (lease = { tokens: 0, expiresAt: 0, emptyUntil: 0, waiting: 0 }));
    // A few rounds: concurrent requests share one lease request and may find it spent by the others.
    for (let round = 0; round < 3; round++) {
      const now = this.clock();
      if (lease.tokens >= 1 && now < lease.expiresAt) {
        lease.tokens--;
        return true;
      }
      if (now < lease.emptyUntil) return false;
      const current = lease;
      current.waiting++;
      try {
        await (current.pending ??= this.lease(category, rate, current).finally(
          () => (current.pending = undefined),
        ));
      } finally {
        current.waiting--;
      }
    }
    return false;
  }

  private async lease(category: RateLimitCategory, rate: number, lease: LocalLease): Promise<void> {
    // Requests arriving in the same turn join this lease before it asks how many tokens it needs.
    await Promise.resolve();
    const capacity = Math.max(1, rate);
    const want = Math.max(1, Math.ceil(rate * LEASE_FRACTION_OF_RATE), lease.waiting);
    try {
      const [row] = await this.dataSource.query<{ granted: number; tokens: number }[]>(this.leaseSql, [
        category,
        capacity,
        rate,
        new Date(this.clock()),
        want,
      ]);
      const now = this.clock();
      if (row.granted > 0) {
        lease.tokens = row.granted;
        lease.expiresAt = now + LEASE_LIFE_MS;
      } else {
        lease.tokens = 0;
        lease.emptyUntil = now + Math.max(1, ((1 - row.tokens) / rate) * 1000);
      }
    } catch (err) {
      // Fail open: a database that cannot be reached fails the request anyway, or it is a blip
      // that should not turn into refusals.
      const now = this.clock();
      lease.tokens = want;
      lease.expiresAt = now + LEASE_LIFE_MS;
      if (now - this.lastWarning >= WARN_EVERY_MS) {
        this.lastWarning = now;
        this.logger.warn(`rate limit bucket unavailable, admitting: ${(err as Error).message}`);
      }
    }
  }

  // Refill by the time since the last refill, capped at capacity, then grant what is wanted and
  // present, all in one atomic statement per lease (the row lock orders replicas).
  private get leaseSql(): string {
    const refilled = `least($2::float8, b.tokens + greatest(0, extract(epoch from ($4::timestamptz - b.refilled_at))) * $3::float8)`;
    const grant = (available: string) => `least(floor(${available}), $5::int)::int`;
    return `
      INSERT INTO "${this.schema}".rate_limit_buckets AS b (category, tokens, last_grant, refilled_at)
      VALUES ($1, $2::float8 - ${grant('$2::float8')}, ${grant('$2::float8')}, $4::timestamptz)
      ON CONFLICT (category) DO UPDATE SET
        tokens = ${refilled} - ${grant(refilled)},
        last_grant = ${grant(refilled)},
        refilled_at = greatest(b.refilled_at, $4::timestamptz)
      RETURNING last_grant AS granted, tokens`;
  }
}
