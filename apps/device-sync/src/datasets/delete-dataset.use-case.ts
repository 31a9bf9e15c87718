import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  DatasetChangedEvent,
  DeviceSyncOperations,
  DeviceSyncTopics,
  DeviceSyncWire as W,
} from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { SyncClock } from '../common/device-sync.config';
import { assertMayActOn } from '../common/identity-access';
import { SyncErrors } from '../common/sync-errors';
import { datasetView } from '../common/wire-views';
import { CognitoStreams } from '../streams/cognito-streams';
import { DatasetRemoval } from './dataset-removal';
import { DatasetsRepository } from './datasets.repository';

/**
 * DeleteDataset: the dataset and its records go, and it answers the dataset as it was. The row
 * stays, not live, with the sync count it was deleted at, so a device that synced before is told
 * (DatasetDeletedAfterRequestedSyncCount) rather than pushing its old records back unknowingly.
 */
@Injectable()
export class DeleteDatasetUseCase implements OperationHandler<typeof DeviceSyncOperations.DeleteDataset> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(DatasetsRepository) private readonly datasets: DatasetsRepository,
    @Inject(DatasetRemoval) private readonly removal: DatasetRemoval,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(SyncClock) private readonly clock: SyncClock,
    @Inject(CognitoStreams) private readonly streams: CognitoStreams,
  ) {}

  async execute(request: W.DatasetRequest, meta: CommandMeta): Promise<W.DatasetResponse> {
    const { IdentityPoolId: poolId, IdentityId: identityId, DatasetName: name } = request;
    assertMayActOn(meta, poolId, identityId);
    return this.transactions.run(async (tx) => {
      const dataset = await this.datasets.find(identityId, name, tx, true);
      if (!dataset?.live || dataset.identityPoolId !== poolId) throw SyncErrors.datasetNotFound(name);
      const now = this.clock.now();
      const syncCount = await this.removal.remove(dataset, now, tx);
      const event: DatasetChangedEvent = {
        identityPoolId: poolId,
        identityId,
        datasetName: name,
        syncCount,
        deleted: true,
        occurredAt: now.toISOString(),
      };
      await this.outbox.add(tx, {
        topic: DeviceSyncTopics.datasetChanged,
        key: identityId,
        payload: event,
        correlationId: meta.requestId,
      });
      await this.streams.publish(
        {
          identityPoolId: poolId,
          identityId,
          datasetName: name,
          syncCount,
          deleted: true,
          records: [],
          at: now,
        },
        meta.requestId,
        tx,
      );
      return { Dataset: datasetView(dataset) };
    });
  }
}
