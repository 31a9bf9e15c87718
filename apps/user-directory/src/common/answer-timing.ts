import { randomInt } from 'node:crypto';
import { performance } from 'node:perf_hooks';

/** How many recent durations each key remembers. */
const WINDOW = 64;
/** Beyond this many keys (pools), the oldest is forgotten. */
const MAX_KEYS = 10_000;
/**
 * How much earlier than the deadline the timer is asked to fire. Node's timers count whole
 * milliseconds and fire up to one late, which on a taken name's padding alone would answer it
 * later than the sign-ups it stands in for (ADR 0077); the rest is waited out turn by turn.
 */
const TIMER_SLACK_MS = 1.5;

/**
 * Makes a short answer take as long as the long one it stands in for (ADR 0037): the long path
 * records how long it took, per key (a pool); the short path, when it is done, waits until a
 * duration drawn at random from the key's recent long ones has passed since it began. Its
 * durations are then drawn from the same distribution as the long path's, whatever the machine's
 * load, rather than padded to a fixed floor that a slow moment would exceed. Until the key has a
 * recorded duration, nothing is padded.
 */
export class AnswerTiming {
  private readonly recent = new Map<string, number[]>();
  /** How late the last waits (any key's) ended after their deadline. */
  private readonly lateness: number[] = [];

  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => setTimeout(resolve, ms)),
    private readonly turn: () => Promise<void> = () => new Promise((resolve) => setImmediate(resolve)),
  ) {}

  /** A start time for `record` or `padFrom`. */
  start(): number {
    return this.now();
  }

  /** The long path under `key`, begun at `startedAt`, is done. */
  record(key: string, startedAt: number): void {
    const took = this.now() - startedAt;
    let durations = this.recent.get(key);
    if (!durations) {
      if (this.recent.size >= MAX_KEYS) this.recent.delete(this.recent.keys().next().value as string);
      durations = [];
      this.recent.set(key, durations);
    }
    durations.push(took);
    if (durations.length > WINDOW) durations.shift();
  }

  /**
   * Waits until the short path under `key`, begun at `startedAt`, has taken as long as a long one.
   * `startedAt` is where the two paths part: what they share before it is not padded (ADR 0077).
   */
  async padFrom(key: string, startedAt: number): Promise<void> {
    const durations = this.recent.get(key);
    if (!durations?.length) return;
    const target = startedAt + durations[randomInt(durations.length)];
    // Aim as much before the target as recent waits ended after theirs (the median).
    const deadline = target - this.typicalLateness();
    const left = deadline - this.now();
    if (left <= 0) return;
    if (left > TIMER_SLACK_MS) await this.sleep(left - TIMER_SLACK_MS);
    while (this.now() < deadline) await this.turn();
    this.lateness.push(this.now() - deadline);
    if (this.lateness.length > WINDOW) this.lateness.shift();
  }

  /**
   * How late a wait ends, at the median of the last ones: on a busy machine the process is woken,
   * and its event loop gets to the timer, milliseconds after the deadline (measured: 3.4 ms at the
   * median at load 9-11, ADR 0077). Work that awaits the database meets the same delays and they
   * are inside the durations recorded; the wait's own delay is not, so it is taken off.
   */
  private typicalLateness(): number {
    if (!this.lateness.length) return 0;
    const sorted = [...this.lateness].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
  }
}
