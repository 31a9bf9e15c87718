import { DeviceSyncWire as W } from '@idfed/contracts';
import { SyncErrors } from '../common/sync-errors';
import { RecordRow, recordBytes } from './record.row';

/** The outcome of applying one UpdateRecords call's patches to the records they name. */
export interface AppliedPatches {
  /** The records as they are after the call, one per patch, in the patches' order. */
  records: RecordRow[];
  /** How the dataset's live record count and bytes change. */
  recordsDelta: number;
  bytesDelta: number;
}

/**
 * A patch as UpdateRecords applies it: the device's, or one a sync trigger added for a record the
 * device did not send (`unchecked`: the trigger speaks for the dataset, no SyncCount of the device's
 * to check it against).
 */
export type PatchToApply = W.RecordPatch & { unchecked?: true };

/** Patches that cannot be applied at all: a key twice, or a replace without a value. */
export function assertWellFormed(patches: W.RecordPatch[]): void {
  const seen = new Set<string>();
  for (const patch of patches) {
    if (seen.has(patch.Key))
      throw SyncErrors.invalidParameter(`Duplicate record key ${patch.Key} in RecordPatches.`);
    seen.add(patch.Key);
    if (patch.Op === 'replace' && patch.Value === undefined) {
      throw SyncErrors.invalidParameter(`A replace of record ${patch.Key} needs a Value.`);
    }
    if (patch.SyncCount < 0) throw SyncErrors.invalidParameter('SyncCount must not be negative.');
  }
}

/** ResourceConflictException unless every checked patch names its record's current SyncCount. */
export function assertNotStale(patches: PatchToApply[], current: Map<string, RecordRow>): void {
  const stale = patches.filter((p) => !p.unchecked && p.SyncCount !== (current.get(p.Key)?.syncCount ?? 0));
  if (stale.length > 0) {
    throw SyncErrors.conflict(
      `Current SyncCount for: ${stale[0].Key} is: ${current.get(stale[0].Key)?.syncCount ?? 0} not: ${stale[0].SyncCount}`,
    );
  }
}

/**
 * Cognito's optimistic concurrency: each patch carries the SyncCount the device last saw of its
 * record (0 for a record it believes new). One stale patch refuses the whole call, so nothing of it
 * is applied; otherwise every patched record takes the dataset's new sync count, and a removed one
 * stays as a tombstone so other devices learn of the removal.
 */
export function applyPatches(
  patches: PatchToApply[],
  current: Map<string, RecordRow>,
  newSyncCount: number,
  by: string,
  now: Date,
): AppliedPatches {
  assertNotStale(patches, current);
  let recordsDelta = 0;
  let bytesDelta = 0;
  const records = patches.map((patch): RecordRow => {
    const before = current.get(patch.Key);
    const value = patch.Op === 'replace' ? (patch.Value ?? '') : null;
    recordsDelta += (value !== null ? 1 : 0) - (before && before.value !== null ? 1 : 0);
    bytesDelta += recordBytes(patch.Key, value) - (before ? recordBytes(before.key, before.value) : 0);
    return {
      key: patch.Key,
      value,
      syncCount: newSyncCount,
      lastModifiedAt: now,
      lastModifiedBy: by,
      deviceLastModifiedAt:
        patch.DeviceLastModifiedDate !== undefined ? new Date(patch.DeviceLastModifiedDate * 1000) : null,
    };
  });
  return { records, recordsDelta, bytesDelta };
}
