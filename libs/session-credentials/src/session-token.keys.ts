import { hkdfSync } from 'node:crypto';

/**
 * Session-token keys rotate by period: the key of period p is HKDF-SHA256(master, salt, "period:p").
 * A token names its period; verifiers accept the current and the previous period (a token lives
 * at most 12 hours, far less than a period), and the next one close to a boundary so that a
 * verifier whose clock is a little behind the issuer's still accepts fresh tokens.
 * Nothing is stored: every process holding the master key derives the same keys.
 */
export const DEFAULT_KEY_PERIOD_SECONDS = 7 * 24 * 3600;
const BOUNDARY_SKEW_MS = 5 * 60 * 1000;
const SALT = Buffer.from('idfed/session-token/v1', 'utf8');

export class SessionTokenKeys {
  private readonly derived = new Map<number, Buffer>();

  constructor(
    private readonly masterKey: Buffer,
    readonly periodSeconds = DEFAULT_KEY_PERIOD_SECONDS,
  ) {
    if (masterKey.length !== 32) throw new Error('the session token master key must be 32 bytes');
    if (!Number.isInteger(periodSeconds) || periodSeconds < 3600 * 13) {
      // Shorter than a session plus the previous period's grace would refuse live tokens.
      throw new Error('the session token key period must be a whole number of seconds, at least 13 hours');
    }
  }

  periodAt(nowMs: number): number {
    return Math.floor(nowMs / 1000 / this.periodSeconds);
  }

  /** May a token sealed in `period` be opened at `nowMs`? */
  accepts(period: number, nowMs: number): boolean {
    const current = this.periodAt(nowMs);
    if (period === current || period === current - 1) return true;
    return period === current + 1 && this.periodAt(nowMs + BOUNDARY_SKEW_MS) === period;
  }

  keyFor(period: number): Buffer {
    let key = this.derived.get(period);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', this.masterKey, SALT, `period:${period}`, 32));
      this.derived.set(period, key);
      // Only a handful of periods are ever live; forget the oldest beyond that.
      if (this.derived.size > 8) this.derived.delete(this.derived.keys().next().value as number);
    }
    return key;
  }
}
