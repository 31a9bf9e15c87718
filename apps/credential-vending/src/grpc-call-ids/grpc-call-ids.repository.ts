import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A call id to claim: the SHA-256 digest of `<key id>/<call id>` and when it stops mattering. */
export interface CallIdToClaim {
  digest: Buffer;
  expiresAt: Date;
}

/**
 * Every query of the gRPC call ids accepted across the gateway replicas
 * (`credential_vending.grpc_call_ids`, ADR 0050).
 */
@Injectable()
export class GrpcCallIdsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Inserts every digest not there yet, in one statement, and answers the digests it inserted: a
   * digest left out was claimed before (by any replica), or twice in this batch (the first wins).
   */
  async claim(claims: CallIdToClaim[]): Promise<Set<string>> {
    if (claims.length === 0) return new Set();
    const rows = await this.dataSource.query<{ digest: Buffer }[]>(
      `INSERT INTO credential_vending.grpc_call_ids (digest, expires_at)
       SELECT d, e FROM unnest($1::bytea[], $2::timestamptz[]) AS c(d, e)
       ON CONFLICT DO NOTHING RETURNING digest`,
      [claims.map((c) => c.digest), claims.map((c) => c.expiresAt)],
    );
    return new Set(rows.map((r) => r.digest.toString('hex')));
  }

  /** Deletes up to `limit` ids whose calls can no longer verify anyway. */
  async sweep(now: Date, limit = 1000): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM credential_vending.grpc_call_ids
        WHERE ctid IN (SELECT ctid FROM credential_vending.grpc_call_ids WHERE expires_at < $1 LIMIT $2)`,
      [now, limit],
    );
  }
}
