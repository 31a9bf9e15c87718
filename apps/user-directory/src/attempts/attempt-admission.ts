import { setTimeout as sleepFor } from 'node:timers/promises';

/** What one try at taking a slot found: a slot, a lockout, or every slot held by checks in flight. */
export type AdmissionTry<T> = { admitted: T } | { refused: 'locked' | 'busy' };

/** How a wait for a slot ended. */
export type Admission<T> = { admitted: T } | { refused: 'locked' | 'gave-up' };

export interface WaitForSlotOptions {
  /** How long to wait for checks in flight to settle before answering "too many requests". */
  maxWaitMs: number;
  /** Milliseconds on a monotonic clock (real time: the lockout clock may be a test's). */
  elapsedMs?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const FIRST_PAUSE_MS = 4;
const LONGEST_PAUSE_MS = 40;

/**
 * Takes a slot, waiting while every slot is held by a check in flight: such a check ends in a few
 * milliseconds, and its outcome decides what the waiter gets (a success frees slots, failures lead
 * to a lockout). So concurrent right secrets are all checked, as they would be one after another,
 * while no more guesses are checked at once than the lockout allows. A lockout answers at once.
 * The pause grows and is jittered so that waiters on several replicas do not retry in step.
 */
export async function waitForSlot<T>(
  tryOnce: () => Promise<AdmissionTry<T>>,
  options: WaitForSlotOptions,
): Promise<Admission<T>> {
  const elapsedMs = options.elapsedMs ?? (() => performance.now());
  const sleep = options.sleep ?? ((ms: number) => sleepFor(ms).then(() => undefined));
  const random = options.random ?? Math.random;
  const started = elapsedMs();
  let pause = FIRST_PAUSE_MS;
  for (;;) {
    const found = await tryOnce();
    if ('admitted' in found) return found;
    if (found.refused === 'locked') return { refused: 'locked' };
    const jittered = pause * (0.5 + random());
    if (elapsedMs() - started + jittered > options.maxWaitMs) return { refused: 'gave-up' };
    await sleep(jittered);
    pause = Math.min(LONGEST_PAUSE_MS, pause * 2);
  }
}
