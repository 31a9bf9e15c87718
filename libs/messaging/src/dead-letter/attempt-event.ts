import { backoffMs, EventRetryPolicy } from './event-retry-policy';
import { classifyEventFailure, EventFailure } from './event-failure';

export type EventAttempts =
  { handled: true; attempts: number } | { handled: false; attempts: number; reason: string };

export interface AttemptHooks {
  /** Pauses between tries; the consumer keeps its session meanwhile, and rejects when stopping. */
  wait(ms: number): Promise<void>;
  /** Told of each failure that will be tried again. */
  retrying(attempt: number, failure: EventFailure): void;
}

/**
 * Tries an event until it is handled, it turns out malformed, or the policy's tries are used up.
 * A dependency that is down does not use up tries: the same pause schedule applies, and the try is
 * repeated until the dependency answers or the consumer stops (the wait rejects). The handler is
 * idempotent through the inbox, so a try that failed after its transaction committed is harmless.
 */
export async function attemptEvent(
  handle: () => Promise<void>,
  policy: EventRetryPolicy,
  hooks: AttemptHooks,
): Promise<EventAttempts> {
  let attempt = 1;
  let unavailableInARow = 0;
  for (;;) {
    try {
      await handle();
      return { handled: true, attempts: attempt };
    } catch (err) {
      const failure = classifyEventFailure(err);
      if (failure.kind === 'malformed') return { handled: false, attempts: attempt, reason: failure.reason };
      if (failure.kind === 'unavailable') {
        hooks.retrying(attempt, failure);
        await hooks.wait(backoffMs(policy, ++unavailableInARow));
        continue;
      }
      unavailableInARow = 0;
      if (attempt >= policy.maxAttempts) return { handled: false, attempts: attempt, reason: failure.reason };
      hooks.retrying(attempt, failure);
      await hooks.wait(backoffMs(policy, attempt));
      attempt++;
    }
  }
}
