import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations } from '@idfed/contracts';
import { BusClient } from '@idfed/messaging';

interface Pending {
  digest: string;
  expiresAt: number;
  resolve: (first: boolean) => void;
  reject: (err: unknown) => void;
}

/** Claims asked for in the same turn of the event loop go in one command, up to this many. */
const MAX_BATCH = 500;

/**
 * The call ids every gRPC gateway replica has accepted (ADR 0050), kept by credential vending
 * (`ClaimGrpcCallIds`): a call id is run once across all replicas, the first claim wins. The
 * claims of calls arriving together are sent in one command, so a busy replica makes one bus round
 * trip (one INSERT) for many calls. The key id and call id travel as a SHA-256 digest.
 */
@Injectable()
export class SharedCallIds {
  private pending: Pending[] = [];
  private scheduled = false;

  constructor(@Inject(BusClient) private readonly bus: BusClient) {}

  /** True when this is the call id's first use on any replica; false for a replay. */
  claim(accessKeyId: string, callId: string, expiresAt: number): Promise<boolean> {
    const digest = createHash('sha256').update(`${accessKeyId}/${callId}`).digest('hex');
    return new Promise<boolean>((resolve, reject) => {
      this.pending.push({ digest, expiresAt, resolve, reject });
      if (this.pending.length >= MAX_BATCH) void this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    try {
      const { Replayed } = await this.bus.request(
        CredentialVendingOperations.ClaimGrpcCallIds,
        { Claims: batch.map((p) => ({ Digest: p.digest, ExpiresAt: new Date(p.expiresAt).toISOString() })) },
        { requestId: randomUUID(), caller: { kind: 'anonymous' } },
      );
      const replayed = new Set(Replayed);
      batch.forEach((p, i) => p.resolve(!replayed.has(i)));
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  }
}
