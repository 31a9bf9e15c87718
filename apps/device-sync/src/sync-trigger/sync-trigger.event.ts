import { SyncErrors } from '../common/sync-errors';

/** One record of a sync trigger event: what the device sends, and what the record held before. */
export interface SyncTriggerRecord {
  oldValue: string | null;
  newValue: string | null;
  op: 'replace' | 'remove';
}

/** The event Cognito Sync gives a SyncTrigger Lambda (version 2), and what it expects back. */
export interface SyncTriggerEvent {
  version: 2;
  eventType: 'SyncTrigger';
  region: string;
  identityPoolId: string;
  identityId: string;
  datasetName: string;
  datasetRecords: Record<string, SyncTriggerRecord>;
}

/** A record as the trigger answered it: what to write. */
export interface TriggeredRecord {
  op: 'replace' | 'remove';
  newValue: string | null;
}

const MAX_KEY = 1024;
const MAX_VALUE = 1_048_575;
const SAME = ['version', 'eventType', 'region', 'identityPoolId', 'identityId', 'datasetName'] as const;

const invalid = (why: string) =>
  SyncErrors.invalidLambdaOutput(`The sync trigger returned invalid output: ${why}.`);

/**
 * Reads a trigger's answer as Cognito reads a Lambda's: the event it was given, with
 * `datasetRecords` changed at will (a value replaced, a record removed, added, or left out to be
 * ignored) and everything else as sent, so a trigger can never retarget the write to another
 * identity or dataset. Anything else is InvalidLambdaFunctionOutputException.
 */
export function readTriggerAnswer(sent: SyncTriggerEvent, text: string): Map<string, TriggeredRecord> {
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    throw invalid('not JSON');
  }
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) throw invalid('not an object');
  const event = answer as Record<string, unknown>;
  for (const field of SAME) {
    if (event[field] !== sent[field]) throw invalid(`${field} differs from the event sent`);
  }
  const records = event.datasetRecords;
  if (typeof records !== 'object' || records === null || Array.isArray(records)) {
    throw invalid('datasetRecords is not an object');
  }
  const out = new Map<string, TriggeredRecord>();
  for (const [key, raw] of Object.entries(records as Record<string, unknown>)) {
    if (key.length < 1 || key.length > MAX_KEY) throw invalid(`a record key of ${key.length} characters`);
    if (typeof raw !== 'object' || raw === null) throw invalid(`record ${key} is not an object`);
    const { op, newValue } = raw as Record<string, unknown>;
    if (op === 'remove') {
      out.set(key, { op, newValue: null });
    } else if (op === 'replace') {
      if (typeof newValue !== 'string') throw invalid(`record ${key} is replaced without a string newValue`);
      if (newValue.length > MAX_VALUE) throw invalid(`record ${key}'s value is too long`);
      out.set(key, { op, newValue });
    } else {
      throw invalid(`record ${key} has op ${JSON.stringify(op)}`);
    }
  }
  return out;
}
