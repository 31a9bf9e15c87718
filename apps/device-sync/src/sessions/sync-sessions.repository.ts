import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';

type Raw = Record<string, unknown>;

/** A sync session ListRecords opened: which dataset it is for and until when. */
export interface SyncSessionRow {
  identityPoolId: string;
  identityId: string;
  datasetName: string;
  expiresAt: Date;
}

/** Per pool, how many sync sessions were opened (DescribeIdentityPoolUsage's SyncSessionsCount). */
export interface PoolSessionCount {
  identityPoolId: string;
  syncSessionsCount: number;
}

/**
 * Every query of the sync sessions (`device_sync.sync_sessions`, `device_sync.pool_usage`). Tokens
 * are stored as their SHA-256 only: the token itself never reaches the database.
 */
@Injectable()
export class SyncSessionsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Stores a new session and counts it for its pool; sessions expired before `now` are dropped. */
  async open(tokenHash: Buffer, session: SyncSessionRow, now: Date, tx: Transaction): Promise<void> {
    await tx.query(`DELETE FROM device_sync.sync_sessions WHERE expires_at < $1`, [now]);
    await tx.query(
      `INSERT INTO device_sync.sync_sessions (token_hash, identity_pool_id, identity_id, dataset_name, expires_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [tokenHash, session.identityPoolId, session.identityId, session.datasetName, session.expiresAt],
    );
    await this.touchPool(session.identityPoolId, 1, now, tx);
  }

  async find(
    tokenHash: Buffer,
    tx: Transaction = this.dataSource.manager,
  ): Promise<SyncSessionRow | undefined> {
    const rows: Raw[] = await tx.query(
      `SELECT identity_pool_id, identity_id, dataset_name, expires_at FROM device_sync.sync_sessions
       WHERE token_hash = $1`,
      [tokenHash],
    );
    const r = rows[0];
    return r
      ? {
          identityPoolId: r.identity_pool_id as string,
          identityId: r.identity_id as string,
          datasetName: r.dataset_name as string,
          expiresAt: r.expires_at as Date,
        }
      : undefined;
  }

  async deleteOfIdentity(identityId: string, tx: Transaction): Promise<void> {
    await tx.query(`DELETE FROM device_sync.sync_sessions WHERE identity_id = $1`, [identityId]);
  }

  /** A pool's sync sessions, and its usage count: the usage operations no longer know the pool. */
  async deleteOfPool(identityPoolId: string, tx: Transaction): Promise<void> {
    await tx.query(`DELETE FROM device_sync.sync_sessions WHERE identity_pool_id = $1`, [identityPoolId]);
    await tx.query(`DELETE FROM device_sync.pool_usage WHERE identity_pool_id = $1`, [identityPoolId]);
  }

  /** Makes the pool known to the usage operations, adding `sessions` to its count. */
  async touchPool(identityPoolId: string, sessions: number, now: Date, tx: Transaction): Promise<void> {
    await tx.query(
      `INSERT INTO device_sync.pool_usage AS p (identity_pool_id, sync_sessions_count, updated_at)
       VALUES ($1, $2, $3)
       ON CONFLICT (identity_pool_id) DO UPDATE
         SET sync_sessions_count = p.sync_sessions_count + $2, updated_at = $3`,
      [identityPoolId, sessions, now],
    );
  }

  async poolCount(identityPoolId: string): Promise<PoolSessionCount | undefined> {
    const rows: Raw[] = await this.dataSource.query(
      `SELECT identity_pool_id, sync_sessions_count FROM device_sync.pool_usage WHERE identity_pool_id = $1`,
      [identityPoolId],
    );
    return rows[0] ? poolCountFromRow(rows[0]) : undefined;
  }

  /** One page of the pools device sync knows, in id order, after the id a page token carried. */
  async pagePools(
    after: string | undefined,
    max: number,
  ): Promise<{ page: PoolSessionCount[]; next?: string }> {
    const rows: Raw[] = await this.dataSource.query(
      `SELECT identity_pool_id, sync_sessions_count FROM device_sync.pool_usage
       WHERE ($1::text IS NULL OR identity_pool_id > $1) ORDER BY identity_pool_id LIMIT $2`,
      [after ?? null, max + 1],
    );
    const page = rows.slice(0, max).map(poolCountFromRow);
    return rows.length > max ? { page, next: page[page.length - 1].identityPoolId } : { page };
  }
}

function poolCountFromRow(r: Raw): PoolSessionCount {
  return { identityPoolId: r.identity_pool_id as string, syncSessionsCount: Number(r.sync_sessions_count) };
}
