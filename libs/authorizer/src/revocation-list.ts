import { CredentialVendingOperations, ListRevocationsResult } from '@idfed/contracts';
import { CredentialErrors } from './credential.errors';
import { RevocationSource } from './credential.resolver';
import { BusClient } from '@idfed/messaging';
import { randomUUID } from 'node:crypto';

export interface RevocationListOptions {
  /** How often the list is fetched again (IDFED_REVOCATION_REFRESH_MS). */
  refreshMs: number;
  /**
   * Past this age the list is not trusted and temporary credentials are refused (ServiceUnavailable,
   * which the SDKs retry) rather than honoured when they may have been revoked. Default: 15 refreshes, at least 30 s.
   */
  maxStalenessMs?: number;
  now?: () => number;
  onError?: (err: Error) => void;
}

/**
 * A verifier's view of revoked role sessions (ADR 0004): the whole list of revocations that can
 * still matter, fetched from credential vending every `refreshMs` and kept in memory, so checking a
 * request costs a map lookup and a revocation reaches every replica within one refresh interval.
 * One small bus request per replica per interval, whatever the traffic.
 */
export class RevocationList implements RevocationSource {
  private revoked = new Map<string, number>();
  private refreshedAt = -Infinity;
  private timer?: NodeJS.Timeout;
  private inFlight?: Promise<void>;
  private readonly maxStalenessMs: number;
  private readonly now: () => number;

  constructor(
    private readonly bus: Pick<BusClient, 'request'>,
    private readonly options: RevocationListOptions,
  ) {
    this.maxStalenessMs = options.maxStalenessMs ?? Math.max(30_000, options.refreshMs * 15);
    this.now = options.now ?? Date.now;
  }

  /** Starts refreshing; the first fetch is attempted now but not awaited beyond `waitMs`. */
  async start(waitMs = 2000): Promise<void> {
    // refresh() never rejects: fetch() reports its failures to options.onError.
    this.timer = setInterval(() => void this.refresh(), this.options.refreshMs);
    this.timer.unref();
    await Promise.race([this.refresh(), new Promise((resolve) => setTimeout(resolve, waitMs).unref())]);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  revokedBefore(roleArn: string): number | undefined {
    const age = this.now() - this.refreshedAt;
    // A late list is refreshed in the background (never rejects, see start()); this answer uses the current one.
    if (age > this.options.refreshMs * 2) void this.refresh();
    if (age > this.maxStalenessMs) throw CredentialErrors.unavailable();
    return this.revoked.get(roleArn);
  }

  refresh(): Promise<void> {
    this.inFlight ??= this.fetch().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async fetch(): Promise<void> {
    const startedAt = this.now();
    try {
      const result: ListRevocationsResult = await this.bus.request(
        CredentialVendingOperations.ListRevocations,
        {},
        { requestId: randomUUID(), caller: { kind: 'anonymous' } },
      );
      const next = new Map<string, number>();
      for (const r of result.Revocations) next.set(r.RoleArn, Date.parse(r.RevokedBefore));
      this.revoked = next;
      // The list is as fresh as the moment it was asked for.
      this.refreshedAt = startedAt;
    } catch (err) {
      this.options.onError?.(err as Error);
    }
  }
}
