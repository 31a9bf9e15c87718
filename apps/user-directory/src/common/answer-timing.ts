import { randomInt } from 'node:crypto';
import { performance } from 'node:perf_hooks';

/** How many recent durations each key remembers. */
const WINDOW = 64;
/** Beyond this many keys (pools), the oldest is forgotten. */
const MAX_KEYS = 10_000;

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

  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => setTimeout(resolve, ms)),
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

  /** Waits until the short path under `key`, begun at `startedAt`, has taken as long as a long one. */
  async padFrom(key: string, startedAt: number): Promise<void> {
    const durations = this.recent.get(key);
    if (!durations?.length) return;
    const left = startedAt + durations[randomInt(durations.length)] - this.now();
    if (left > 0) await this.sleep(left);
  }
}
