import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { RECORD_COLUMNS, RecordRow, recordFromRow } from './record.row';

type Raw = Record<string, unknown>;

/** Where a page of records starts: after this (sync count, key). */
export interface RecordCursor {
  syncCount: number;
  key: string;
}

/** Every query of a dataset's records (`device_sync.records`). */
@Injectable()
export class RecordsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The records of these keys that exist (tombstones included), locked until the transaction ends. */
  async findForUpdate(
    identityId: string,
    datasetName: string,
    keys: string[],
    tx: Transaction,
  ): Promise<Map<string, RecordRow>> {
    const rows: Raw[] = await tx.query(
      `SELECT ${RECORD_COLUMNS} FROM device_sync.records
       WHERE identity_id = $1 AND dataset_name = $2 AND record_key = ANY($3::text[])
       ORDER BY record_key FOR UPDATE`,
      [identityId, datasetName, keys],
    );
    return new Map(rows.map((r) => [r.record_key as string, recordFromRow(r)]));
  }

  /** The records of these keys that exist (tombstones included), read without a lock. */
  async findByKeys(identityId: string, datasetName: string, keys: string[]): Promise<Map<string, RecordRow>> {
    const rows: Raw[] = await this.dataSource.query(
      `SELECT ${RECORD_COLUMNS} FROM device_sync.records
       WHERE identity_id = $1 AND dataset_name = $2 AND record_key = ANY($3::text[])`,
      [identityId, datasetName, keys],
    );
    return new Map(rows.map((r) => [r.record_key as string, recordFromRow(r)]));
  }

  /** Every record of a dataset (tombstones included), by key. */
  async allOf(identityId: string, datasetName: string, tx: Transaction): Promise<RecordRow[]> {
    const rows: Raw[] = await tx.query(
      `SELECT ${RECORD_COLUMNS} FROM device_sync.records WHERE identity_id = $1 AND dataset_name = $2
       ORDER BY record_key`,
      [identityId, datasetName],
    );
    return rows.map(recordFromRow);
  }

  /** Writes records as given (a null value is a tombstone). */
  async upsert(
    identityId: string,
    datasetName: string,
    records: RecordRow[],
    tx: Transaction,
  ): Promise<void> {
    if (records.length === 0) return;
    await tx.query(
      `INSERT INTO device_sync.records AS r (identity_id, dataset_name, record_key, value, sync_count,
         last_modified_at, last_modified_by, device_last_modified_at)
       SELECT $1, $2, u.record_key, u.value, u.sync_count, u.last_modified_at, u.last_modified_by, u.device_last_modified_at
       FROM unnest($3::text[], $4::text[], $5::bigint[], $6::timestamptz[], $7::text[], $8::timestamptz[])
         AS u(record_key, value, sync_count, last_modified_at, last_modified_by, device_last_modified_at)
       ON CONFLICT (identity_id, dataset_name, record_key) DO UPDATE
         SET value = EXCLUDED.value, sync_count = EXCLUDED.sync_count, last_modified_at = EXCLUDED.last_modified_at,
             last_modified_by = EXCLUDED.last_modified_by, device_last_modified_at = EXCLUDED.device_last_modified_at`,
      [
        identityId,
        datasetName,
        records.map((r) => r.key),
        records.map((r) => r.value),
        records.map((r) => r.syncCount),
        records.map((r) => r.lastModifiedAt),
        records.map((r) => r.lastModifiedBy),
        records.map((r) => r.deviceLastModifiedAt),
      ],
    );
  }

  /** Drops every record of a dataset, tombstones too (the dataset's deletion is what devices learn). */
  async deleteAll(identityId: string, datasetName: string, tx: Transaction): Promise<void> {
    await tx.query(`DELETE FROM device_sync.records WHERE identity_id = $1 AND dataset_name = $2`, [
      identityId,
      datasetName,
    ]);
  }

  /**
   * One page of the records changed after `sinceSyncCount`, in (sync count, key) order from after
   * `cursor`: a page boundary between two records of the same sync count loses neither.
   */
  async pageChangedSince(
    identityId: string,
    datasetName: string,
    sinceSyncCount: number,
    cursor: RecordCursor | undefined,
    max: number,
  ): Promise<{ page: RecordRow[]; next?: RecordCursor }> {
    const rows: Raw[] = await this.dataSource.query(
      `SELECT ${RECORD_COLUMNS} FROM device_sync.records
       WHERE identity_id = $1 AND dataset_name = $2 AND sync_count > $3
         AND ($4::bigint IS NULL OR (sync_count, record_key) > ($4::bigint, $5::text))
       ORDER BY sync_count, record_key LIMIT $6`,
      [identityId, datasetName, sinceSyncCount, cursor?.syncCount ?? null, cursor?.key ?? null, max + 1],
    );
    const page = rows.slice(0, max).map(recordFromRow);
    if (rows.length <= max) return { page };
    const last = page[page.length - 1];
    return { page, next: { syncCount: last.syncCount, key: last.key } };
  }
}
