/**
 * Remembers the call ids (per key) of accepted calls until they could no longer verify (their x-amz-date
 * plus the allowed skew), so a captured call sent again, to this replica, is refused. Signatures
 * are kept in one set per minute of expiry; a set is dropped whole once its minute has passed.
 * This is the replica's own memory, a first refusal without a bus hop; what every replica accepted
 * is claimed in credential vending (SharedCallIds, ADR 0050).
 */
export class ReplayGuard {
  private readonly byMinute = new Map<number, Set<string>>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** True the first time a signature is offered while it can verify; false on every replay. */
  firstUse(callId: string, signedAt: number): boolean {
    const now = this.now();
    this.sweep(now);
    const minute = Math.floor((signedAt + this.windowMs) / 60_000);
    // A replay carries the same x-amz-date (it is signed), so the same minute of expiry.
    let seen = this.byMinute.get(minute);
    if (seen?.has(callId)) return false;
    if (!seen) this.byMinute.set(minute, (seen = new Set()));
    seen.add(callId);
    return true;
  }

  get size(): number {
    let n = 0;
    for (const seen of this.byMinute.values()) n += seen.size;
    return n;
  }

  private sweep(now: number): void {
    const current = Math.floor(now / 60_000);
    for (const m of this.byMinute.keys()) if (m < current) this.byMinute.delete(m);
  }
}
