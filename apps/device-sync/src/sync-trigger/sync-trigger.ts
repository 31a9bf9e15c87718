import { Inject, Injectable } from '@nestjs/common';
import { CommandMeta, DeviceSyncWire as W } from '@idfed/contracts';
import { CognitoEventsRepository } from '../cognito-events/cognito-events.repository';
import { assertNotStale, PatchToApply } from '../records/record-patches';
import { RecordsRepository } from '../records/records.repository';
import { SyncSessionTokens } from '../sessions/sync-session.tokens';
import { SyncTriggerClient } from './sync-trigger.client';
import { SYNC_TRIGGER_CONFIG, SYNC_TRIGGER_EVENT, SyncTriggerConfig } from './sync-trigger.config';
import { SyncTriggerEvent, TriggeredRecord } from './sync-trigger.event';

/**
 * The pool's SyncTrigger, run by UpdateRecords before its transaction (ADR 0016): the device's
 * patches go to the trigger as Cognito's Lambda event, and what it answers is what gets written.
 * As in Cognito, only calls made with an identity's credentials run it (the admin key's, like AWS
 * developer credentials, do not). The session and the patches' SyncCounts are checked first,
 * without a lock, so a call that would be refused anyway never reaches the trigger; no row is
 * locked while the trigger runs, and UpdateRecords checks the SyncCounts again under the lock.
 */
@Injectable()
export class SyncTrigger {
  constructor(
    @Inject(CognitoEventsRepository) private readonly events: CognitoEventsRepository,
    @Inject(RecordsRepository) private readonly records: RecordsRepository,
    @Inject(SyncSessionTokens) private readonly sessions: SyncSessionTokens,
    @Inject(SyncTriggerClient) private readonly client: SyncTriggerClient,
    @Inject(SYNC_TRIGGER_CONFIG) private readonly config: SyncTriggerConfig,
  ) {}

  /** The patches to apply: the trigger's answer when the pool has one, else the device's own. */
  async review(
    request: W.UpdateRecordsRequest,
    meta: CommandMeta,
    patches: W.RecordPatch[],
  ): Promise<PatchToApply[]> {
    if (patches.length === 0 || meta.caller.kind !== 'temporary') return patches;
    const { IdentityPoolId: identityPoolId, IdentityId: identityId, DatasetName: datasetName } = request;
    const functionArn = await this.events.functionOf(identityPoolId, SYNC_TRIGGER_EVENT);
    if (!functionArn) return patches;
    await this.sessions.assertValid(request.SyncSessionToken, { identityPoolId, identityId, datasetName });
    const current = await this.records.findByKeys(
      identityId,
      datasetName,
      patches.map((p) => p.Key),
    );
    assertNotStale(patches, current);
    const event: SyncTriggerEvent = {
      version: 2,
      eventType: 'SyncTrigger',
      region: this.config.region,
      identityPoolId,
      identityId,
      datasetName,
      datasetRecords: Object.fromEntries(
        patches.map((p) => [
          p.Key,
          {
            oldValue: current.get(p.Key)?.value ?? null,
            newValue: p.Op === 'replace' ? (p.Value ?? null) : null,
            op: p.Op,
          },
        ]),
      ),
    };
    return patchesAfter(patches, await this.client.invoke(functionArn, event));
  }
}

/**
 * The trigger's answer as patches: a device's record keeps its SyncCount (checked again under the
 * lock) with the op and value the trigger gave it; a record the trigger left out is not written; a
 * record it added is written unchecked.
 */
export function patchesAfter(patches: W.RecordPatch[], answer: Map<string, TriggeredRecord>): PatchToApply[] {
  const out: PatchToApply[] = [];
  const sent = new Set<string>();
  for (const patch of patches) {
    sent.add(patch.Key);
    const record = answer.get(patch.Key);
    if (!record) continue;
    const { Value: _value, ...rest } = patch;
    out.push({
      ...rest,
      Op: record.op,
      ...(record.op === 'replace' ? { Value: record.newValue ?? '' } : {}),
    });
  }
  for (const [key, record] of answer) {
    if (sent.has(key)) continue;
    out.push({
      Op: record.op,
      Key: key,
      SyncCount: 0,
      unchecked: true,
      ...(record.op === 'replace' ? { Value: record.newValue ?? '' } : {}),
    });
  }
  return out;
}
