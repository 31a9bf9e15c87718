/** A dataset as device sync stores it (`device_sync.datasets`). */
export interface DatasetRow {
  identityId: string;
  datasetName: string;
  identityPoolId: string;
  /** False once deleted: the row stays so devices that synced before learn of the deletion. */
  live: boolean;
  syncCount: number;
  /** The sync count the dataset was last deleted at. */
  deletedAtSyncCount: number | null;
  numRecords: number;
  dataStorage: number;
  createdAt: Date;
  lastModifiedAt: Date;
  lastModifiedBy: string;
  /** For a dataset moved here by an identity merge: the name it had under the merged identity. */
  mergedFromName: string | null;
}

/** What an accepted change sets on its dataset. */
export type DatasetChange = Pick<
  DatasetRow,
  'live' | 'syncCount' | 'numRecords' | 'dataStorage' | 'lastModifiedAt' | 'lastModifiedBy'
> &
  Partial<Pick<DatasetRow, 'deletedAtSyncCount' | 'createdAt'>>;

type Raw = Record<string, unknown>;

export const DATASET_COLUMNS = `identity_id, dataset_name, identity_pool_id, live, sync_count, deleted_at_sync_count,
  num_records, data_storage, created_at, last_modified_at, last_modified_by, merged_from_name`;

export function datasetFromRow(r: Raw): DatasetRow {
  return {
    identityId: r.identity_id as string,
    datasetName: r.dataset_name as string,
    identityPoolId: r.identity_pool_id as string,
    live: r.live as boolean,
    syncCount: Number(r.sync_count),
    deletedAtSyncCount: r.deleted_at_sync_count === null ? null : Number(r.deleted_at_sync_count),
    numRecords: Number(r.num_records),
    dataStorage: Number(r.data_storage),
    createdAt: r.created_at as Date,
    lastModifiedAt: r.last_modified_at as Date,
    lastModifiedBy: r.last_modified_by as string,
    mergedFromName: (r.merged_from_name as string | null) ?? null,
  };
}
