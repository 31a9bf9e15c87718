import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { DATASET_COLUMNS, DatasetChange, DatasetRow, datasetFromRow } from './dataset.row';

type Raw = Record<string, unknown>;

/** Usage totals over some datasets: how many are live, their bytes, their latest change. */
export interface UsageTotals {
  datasetCount: number;
  dataStorage: number;
  lastModifiedAt: Date | null;
}

/** Every query of the datasets aggregate (`device_sync.datasets`). */
@Injectable()
export class DatasetsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The dataset, live or deleted; with `forUpdate` its row stays locked until the transaction ends. */
  async find(
    identityId: string,
    datasetName: string,
    tx: Transaction = this.dataSource.manager,
    forUpdate = false,
  ): Promise<DatasetRow | undefined> {
    const rows: Raw[] = await tx.query(
      `SELECT ${DATASET_COLUMNS} FROM device_sync.datasets WHERE identity_id = $1 AND dataset_name = $2
       ${forUpdate ? 'FOR UPDATE' : ''}`,
      [identityId, datasetName],
    );
    return rows[0] ? datasetFromRow(rows[0]) : undefined;
  }

  /**
   * Serialises the creation of datasets of one identity until the transaction ends, so the limit
   * on live datasets holds when two devices create different datasets at once.
   */
  async lockIdentity(identityId: string, tx: Transaction): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('device_sync.identity'), hashtext($1))`, [
      identityId,
    ]);
  }

  async countLive(identityId: string, tx: Transaction = this.dataSource.manager): Promise<number> {
    const rows: Raw[] = await tx.query(
      `SELECT count(*) AS n FROM device_sync.datasets WHERE identity_id = $1 AND live`,
      [identityId],
    );
    return Number(rows[0].n);
  }

  /** A new, empty, live dataset (or a deleted one's row brought back), locked for the transaction. */
  async create(
    dataset: Pick<DatasetRow, 'identityId' | 'datasetName' | 'identityPoolId' | 'lastModifiedBy'>,
    now: Date,
    tx: Transaction,
  ): Promise<DatasetRow> {
    const rows: Raw[] = await tx.query(
      `INSERT INTO device_sync.datasets AS d (identity_id, dataset_name, identity_pool_id, live, sync_count,
         num_records, data_storage, created_at, last_modified_at, last_modified_by)
       VALUES ($1, $2, $3, true, 0, 0, 0, $4, $4, $5)
       ON CONFLICT (identity_id, dataset_name) DO UPDATE
         SET live = true, num_records = 0, data_storage = 0, created_at = $4, last_modified_at = $4,
             last_modified_by = $5, merged_from_name = NULL
       RETURNING ${DATASET_COLUMNS}`,
      [dataset.identityId, dataset.datasetName, dataset.identityPoolId, now, dataset.lastModifiedBy],
    );
    return datasetFromRow(rows[0]);
  }

  async update(
    identityId: string,
    datasetName: string,
    change: DatasetChange,
    tx: Transaction,
  ): Promise<void> {
    await tx.query(
      `UPDATE device_sync.datasets
         SET live = $3, sync_count = $4, num_records = $5, data_storage = $6, last_modified_at = $7,
             last_modified_by = $8, deleted_at_sync_count = COALESCE($9, deleted_at_sync_count)
       WHERE identity_id = $1 AND dataset_name = $2`,
      [
        identityId,
        datasetName,
        change.live,
        change.syncCount,
        change.numRecords,
        change.dataStorage,
        change.lastModifiedAt,
        change.lastModifiedBy,
        change.deletedAtSyncCount ?? null,
      ],
    );
  }

  /** Every dataset of an identity, live or deleted, locked until the transaction ends. */
  async allOfIdentity(identityId: string, tx: Transaction): Promise<DatasetRow[]> {
    const rows: Raw[] = await tx.query(
      `SELECT ${DATASET_COLUMNS} FROM device_sync.datasets WHERE identity_id = $1 ORDER BY dataset_name FOR UPDATE`,
      [identityId],
    );
    return rows.map(datasetFromRow);
  }

  /**
   * Moves a dataset (its records follow, by the foreign key's ON UPDATE CASCADE) to another
   * identity under a new name, remembering the name it had. A deleted dataset's row under that name
   * gives way; a live one stays, and the move does not happen (false).
   */
  async moveTo(
    dataset: DatasetRow,
    identityId: string,
    datasetName: string,
    now: Date,
    tx: Transaction,
  ): Promise<boolean> {
    await tx.query(
      `DELETE FROM device_sync.datasets WHERE identity_id = $1 AND dataset_name = $2 AND NOT live`,
      [identityId, datasetName],
    );
    // Through a CTE so the driver answers rows (an UPDATE alone answers [rows, count]).
    const rows: Raw[] = await tx.query(
      `WITH moved AS (
         UPDATE device_sync.datasets
           SET identity_id = $3, dataset_name = $4, merged_from_name = $2, last_modified_at = $5
         WHERE identity_id = $1 AND dataset_name = $2
           AND NOT EXISTS (SELECT 1 FROM device_sync.datasets WHERE identity_id = $3 AND dataset_name = $4)
         RETURNING dataset_name)
       SELECT dataset_name FROM moved`,
      [dataset.identityId, dataset.datasetName, identityId, datasetName, now],
    );
    return rows.length === 1;
  }

  /** Drops every dataset of an identity, with their records. */
  async deleteAllOfIdentity(identityId: string, tx: Transaction): Promise<void> {
    await tx.query(`DELETE FROM device_sync.datasets WHERE identity_id = $1`, [identityId]);
  }

  /** Every dataset of every identity of a pool, live or deleted, locked. */
  async allOfPool(identityPoolId: string, tx: Transaction): Promise<DatasetRow[]> {
    const rows: Raw[] = await tx.query(
      `SELECT ${DATASET_COLUMNS} FROM device_sync.datasets WHERE identity_pool_id = $1
       ORDER BY identity_id, dataset_name FOR UPDATE`,
      [identityPoolId],
    );
    return rows.map(datasetFromRow);
  }

  /** A pool's datasets go, and their records with them (the foreign key cascades). */
  async deleteAllOfPool(identityPoolId: string, tx: Transaction): Promise<void> {
    await tx.query(`DELETE FROM device_sync.datasets WHERE identity_pool_id = $1`, [identityPoolId]);
  }

  /** One page of an identity's live datasets in name order, after the name a page token carried. */
  async pageLive(
    identityId: string,
    after: string | undefined,
    max: number,
  ): Promise<{ page: DatasetRow[]; next?: string }> {
    const rows: Raw[] = await this.dataSource.query(
      `SELECT ${DATASET_COLUMNS} FROM device_sync.datasets
       WHERE identity_id = $1 AND live AND ($2::text IS NULL OR dataset_name > $2)
       ORDER BY dataset_name LIMIT $3`,
      [identityId, after ?? null, max + 1],
    );
    const page = rows.slice(0, max).map(datasetFromRow);
    return rows.length > max ? { page, next: page[page.length - 1].datasetName } : { page };
  }

  /** One page of a pool's live datasets, in (identity, name) order, after the given one. */
  async pageLiveOfPool(
    identityPoolId: string,
    after: { identityId: string; datasetName: string } | undefined,
    max: number,
    tx: Transaction,
  ): Promise<DatasetRow[]> {
    const rows: Raw[] = await tx.query(
      `SELECT ${DATASET_COLUMNS} FROM device_sync.datasets
       WHERE identity_pool_id = $1 AND live AND ($2::text IS NULL OR (identity_id, dataset_name) > ($2, $3))
       ORDER BY identity_id, dataset_name LIMIT $4`,
      [identityPoolId, after?.identityId ?? null, after?.datasetName ?? null, max],
    );
    return rows.map(datasetFromRow);
  }

  /** Live datasets of the identity that an identity merge brought here from `datasetName`. */
  async mergedNames(
    identityId: string,
    datasetName: string,
    tx: Transaction = this.dataSource.manager,
  ): Promise<string[]> {
    const rows: Raw[] = await tx.query(
      `SELECT dataset_name FROM device_sync.datasets
       WHERE identity_id = $1 AND merged_from_name = $2 AND live ORDER BY dataset_name`,
      [identityId, datasetName],
    );
    return rows.map((r) => r.dataset_name as string);
  }

  async identityUsage(identityId: string): Promise<UsageTotals> {
    return this.totals(`identity_id = $1`, identityId);
  }

  async poolUsage(identityPoolId: string): Promise<UsageTotals> {
    return this.totals(`identity_pool_id = $1`, identityPoolId);
  }

  private async totals(where: string, value: string): Promise<UsageTotals> {
    const rows: Raw[] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE live) AS n, COALESCE(sum(data_storage) FILTER (WHERE live), 0) AS bytes,
              max(last_modified_at) AS last
       FROM device_sync.datasets WHERE ${where}`,
      [value],
    );
    const r = rows[0];
    return {
      datasetCount: Number(r.n),
      dataStorage: Number(r.bytes),
      lastModifiedAt: (r.last as Date | null) ?? null,
    };
  }
}
