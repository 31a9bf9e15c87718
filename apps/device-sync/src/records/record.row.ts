/** A record of a dataset (`device_sync.records`); `value` null is a tombstone (a removed record). */
export interface RecordRow {
  key: string;
  value: string | null;
  syncCount: number;
  lastModifiedAt: Date;
  lastModifiedBy: string;
  deviceLastModifiedAt: Date | null;
}

type Raw = Record<string, unknown>;

export const RECORD_COLUMNS = `record_key, value, sync_count, last_modified_at, last_modified_by, device_last_modified_at`;

export function recordFromRow(r: Raw): RecordRow {
  return {
    key: r.record_key as string,
    value: (r.value as string | null) ?? null,
    syncCount: Number(r.sync_count),
    lastModifiedAt: r.last_modified_at as Date,
    lastModifiedBy: r.last_modified_by as string,
    deviceLastModifiedAt: (r.device_last_modified_at as Date | null) ?? null,
  };
}

/** What a record counts towards its dataset's 1 MB: the UTF-8 bytes of its key and value. */
export function recordBytes(key: string, value: string | null): number {
  return value === null ? 0 : Buffer.byteLength(key, 'utf8') + Buffer.byteLength(value, 'utf8');
}
