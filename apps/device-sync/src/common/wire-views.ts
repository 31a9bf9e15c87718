import { DeviceSyncWire as W } from '@idfed/contracts';
import { DatasetRow } from '../datasets/dataset.row';
import { RecordRow } from '../records/record.row';

/** REST-JSON timestamps are epoch seconds. */
export function epochSeconds(date: Date): number {
  return date.getTime() / 1000;
}

export function datasetView(d: DatasetRow): W.Dataset {
  return {
    IdentityId: d.identityId,
    DatasetName: d.datasetName,
    CreationDate: epochSeconds(d.createdAt),
    LastModifiedDate: epochSeconds(d.lastModifiedAt),
    LastModifiedBy: d.lastModifiedBy,
    DataStorage: d.dataStorage,
    NumRecords: d.numRecords,
  };
}

/** A record as Cognito answers it; a tombstone has no Value. */
export function recordView(r: RecordRow): W.SyncRecord {
  return {
    Key: r.key,
    ...(r.value !== null ? { Value: r.value } : {}),
    SyncCount: r.syncCount,
    LastModifiedDate: epochSeconds(r.lastModifiedAt),
    LastModifiedBy: r.lastModifiedBy,
    ...(r.deviceLastModifiedAt ? { DeviceLastModifiedDate: epochSeconds(r.deviceLastModifiedAt) } : {}),
  };
}
