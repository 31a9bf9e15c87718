/**
 * How often a consumer tries an event before it gives up on it (ADR 0012). Only failures of the
 * handler count: an event that cannot be parsed is not tried again, and a dependency that is down
 * (the database, another service) is waited for without counting, since no event could be handled
 * then and giving up would lose good events.
 */
export interface EventRetryPolicy {
  /** Tries of one event, the first included; after the last it goes to the dead letter. */
  maxAttempts: number;
  /** The pause after the first failed try; it doubles after each further one. */
  firstBackoffMs: number;
  /** No pause is longer than this. */
  maxBackoffMs: number;
}

export const DEFAULT_EVENT_RETRY_POLICY: EventRetryPolicy = {
  maxAttempts: 5,
  firstBackoffMs: 200,
  maxBackoffMs: 5000,
};

/** The pause after the n-th failure in a row (n from 1). */
export function backoffMs(policy: EventRetryPolicy, failures: number): number {
  return Math.min(policy.maxBackoffMs, policy.firstBackoffMs * 2 ** Math.min(30, failures - 1));
}
