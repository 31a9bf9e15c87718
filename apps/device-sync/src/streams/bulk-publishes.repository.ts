import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';

type Raw = Record<string, unknown>;

export type BulkPublishState = 'IN_PROGRESS' | 'FAILED' | 'SUCCEEDED';

export interface BulkPublishRow {
  identityPoolId: string;
  status: BulkPublishState;
  startedAt: Date;
  completedAt: Date | null;
  failureMessage: string | null;
}

const COLUMNS = 'identity_pool_id, status, started_at, completed_at, failure_message';

function fromRow(r: Raw): BulkPublishRow {
  return {
    identityPoolId: r.identity_pool_id as string,
    status: r.status as BulkPublishState,
    startedAt: r.started_at as Date,
    completedAt: (r.completed_at as Date | null) ?? null,
    failureMessage: (r.failure_message as string | null) ?? null,
  };
}

/** Every query of `device_sync.bulk_publishes`: each pool's last bulk publish. */
@Injectable()
export class BulkPublishesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async find(identityPoolId: string): Promise<BulkPublishRow | undefined> {
    const rows: Raw[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM device_sync.bulk_publishes WHERE identity_pool_id = $1`,
      [identityPoolId],
    );
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  /**
   * Marks the pool's bulk publish started, in one statement so two callers cannot both start it:
   * allowed when there was none, the last failed, the last succeeded before `succeededBefore`, or
   * one in progress started before `abandonedBefore` (its process died). Otherwise the row as it is
   * (and `claimed` false).
   */
  async claim(
    identityPoolId: string,
    now: Date,
    succeededBefore: Date,
    abandonedBefore: Date,
  ): Promise<{ claimed: boolean; row?: BulkPublishRow }> {
    const rows: Raw[] = await this.dataSource.query(
      `WITH claimed AS (
         INSERT INTO device_sync.bulk_publishes AS b (identity_pool_id, status, started_at)
         VALUES ($1, 'IN_PROGRESS', $2)
         ON CONFLICT (identity_pool_id) DO UPDATE
           SET status = 'IN_PROGRESS', started_at = $2, completed_at = NULL, failure_message = NULL
           WHERE b.status = 'FAILED'
              OR (b.status = 'SUCCEEDED' AND b.completed_at < $3)
              OR (b.status = 'IN_PROGRESS' AND b.started_at < $4)
         RETURNING identity_pool_id)
       SELECT identity_pool_id FROM claimed`,
      [identityPoolId, now, succeededBefore, abandonedBefore],
    );
    if (rows.length === 1) return { claimed: true };
    return { claimed: false, row: await this.find(identityPoolId) };
  }

  async finish(
    identityPoolId: string,
    status: 'FAILED' | 'SUCCEEDED',
    now: Date,
    failureMessage: string | null,
    tx: Transaction = this.dataSource.manager,
  ): Promise<void> {
    await tx.query(
      `UPDATE device_sync.bulk_publishes SET status = $2, completed_at = $3, failure_message = $4
       WHERE identity_pool_id = $1`,
      [identityPoolId, status, now, failureMessage],
    );
  }
}
