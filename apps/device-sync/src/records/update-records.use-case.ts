import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  DatasetChangedEvent,
  DeviceSyncOperations,
  DeviceSyncTopics,
  DeviceSyncWire as W,
} from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { DEVICE_SYNC_CONFIG, DeviceSyncConfig, SyncClock } from '../common/device-sync.config';
import { assertMayActOn, changedBy } from '../common/identity-access';
import { SyncErrors } from '../common/sync-errors';
import { recordView } from '../common/wire-views';
import { DatasetRow } from '../datasets/dataset.row';
import { DatasetsRepository } from '../datasets/datasets.repository';
import { SyncSessionTokens } from '../sessions/sync-session.tokens';
import { CognitoStreams } from '../streams/cognito-streams';
import { SyncTrigger } from '../sync-trigger/sync-trigger';
import { applyPatches, assertWellFormed } from './record-patches';
import { RecordsRepository } from './records.repository';

/**
 * UpdateRecords: applies a device's record patches to a dataset (creating it if need be) all or
 * nothing, under the dataset's row lock, so two devices patching one record with the same
 * SyncCount serialise and the second is refused with ResourceConflictException. Limits are checked
 * on the result; the dataset's sync count rises by one and the change is announced through the
 * outbox in the same transaction. A pool's SyncTrigger sees the patches first and may change,
 * drop, add or refuse them (SyncTrigger, ADR 0016).
 */
@Injectable()
export class UpdateRecordsUseCase implements OperationHandler<typeof DeviceSyncOperations.UpdateRecords> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(DatasetsRepository) private readonly datasets: DatasetsRepository,
    @Inject(RecordsRepository) private readonly records: RecordsRepository,
    @Inject(SyncSessionTokens) private readonly sessions: SyncSessionTokens,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(DEVICE_SYNC_CONFIG) private readonly config: DeviceSyncConfig,
    @Inject(SyncClock) private readonly clock: SyncClock,
    @Inject(SyncTrigger) private readonly trigger: SyncTrigger,
    @Inject(CognitoStreams) private readonly streams: CognitoStreams,
  ) {}

  async execute(request: W.UpdateRecordsRequest, meta: CommandMeta): Promise<W.UpdateRecordsResponse> {
    const { IdentityPoolId: poolId, IdentityId: identityId, DatasetName: name } = request;
    assertMayActOn(meta, poolId, identityId);
    const sent = request.RecordPatches ?? [];
    assertWellFormed(sent);
    // Before the transaction: the pool's trigger may take its time, and no lock is held meanwhile.
    const patches = await this.trigger.review(request, meta, sent);
    const by = changedBy(identityId, request.DeviceId);
    return this.transactions.run(async (tx) => {
      await this.sessions.assertValid(
        request.SyncSessionToken,
        { identityPoolId: poolId, identityId, datasetName: name },
        tx,
      );
      const now = this.clock.now();
      const dataset = await this.liveDataset(poolId, identityId, name, by, now, tx);
      const current = await this.records.findForUpdate(
        identityId,
        name,
        patches.map((p) => p.Key),
        tx,
      );
      const syncCount = patches.length > 0 ? dataset.syncCount + 1 : dataset.syncCount;
      const applied = applyPatches(patches, current, syncCount, by, now);
      const numRecords = dataset.numRecords + applied.recordsDelta;
      const dataStorage = dataset.dataStorage + applied.bytesDelta;
      if (numRecords > this.config.maxRecordsPerDataset) {
        throw SyncErrors.limitExceeded(
          `Dataset ${name} would hold ${numRecords} records; the limit is ${this.config.maxRecordsPerDataset}.`,
        );
      }
      if (dataStorage > this.config.maxDatasetBytes) {
        throw SyncErrors.limitExceeded(
          `Dataset ${name} would hold ${dataStorage} bytes; the limit is ${this.config.maxDatasetBytes}.`,
        );
      }
      await this.records.upsert(identityId, name, applied.records, tx);
      await this.datasets.update(
        identityId,
        name,
        { live: true, syncCount, numRecords, dataStorage, lastModifiedAt: now, lastModifiedBy: by },
        tx,
      );
      const event: DatasetChangedEvent = {
        identityPoolId: poolId,
        identityId,
        datasetName: name,
        syncCount,
        deleted: false,
        ...(request.DeviceId !== undefined ? { deviceId: request.DeviceId } : {}),
        occurredAt: now.toISOString(),
      };
      await this.outbox.add(tx, {
        topic: DeviceSyncTopics.datasetChanged,
        key: identityId,
        payload: event,
        correlationId: meta.requestId,
      });
      if (patches.length > 0) {
        await this.streams.publish(
          {
            identityPoolId: poolId,
            identityId,
            datasetName: name,
            syncCount,
            deleted: false,
            records: applied.records,
            at: now,
          },
          meta.requestId,
          tx,
        );
      }
      return { Records: applied.records.map(recordView) };
    });
  }

  /** The dataset, locked; created (within the identity's dataset limit) when it is not live. */
  private async liveDataset(
    poolId: string,
    identityId: string,
    name: string,
    by: string,
    now: Date,
    tx: Transaction,
  ): Promise<DatasetRow> {
    const found = await this.datasets.find(identityId, name, tx, true);
    if (found?.live) return found;
    await this.datasets.lockIdentity(identityId, tx);
    // Another device may have created it while this one waited for the identity's lock.
    const again = await this.datasets.find(identityId, name, tx, true);
    if (again?.live) return again;
    const live = await this.datasets.countLive(identityId, tx);
    if (live >= this.config.maxDatasetsPerIdentity) {
      throw SyncErrors.limitExceeded(
        `Identity ${identityId} already has ${live} datasets; the limit is ${this.config.maxDatasetsPerIdentity}.`,
      );
    }
    return this.datasets.create(
      { identityId, datasetName: name, identityPoolId: poolId, lastModifiedBy: by },
      now,
      tx,
    );
  }
}
