import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { RecordsRepository } from '../records/records.repository';
import { DatasetRow } from './dataset.row';
import { DatasetsRepository } from './datasets.repository';

/**
 * Removes a locked, live dataset: its records go, its row stays not live with its sync count
 * raised once more and remembered as the deletion's. Shared by DeleteDataset and the consumers of
 * identity and pool deletions. Returns the sync count of the deletion.
 */
@Injectable()
export class DatasetRemoval {
  constructor(
    @Inject(DatasetsRepository) private readonly datasets: DatasetsRepository,
    @Inject(RecordsRepository) private readonly records: RecordsRepository,
  ) {}

  async remove(dataset: DatasetRow, now: Date, tx: Transaction): Promise<number> {
    const syncCount = dataset.syncCount + 1;
    await this.records.deleteAll(dataset.identityId, dataset.datasetName, tx);
    await this.datasets.update(
      dataset.identityId,
      dataset.datasetName,
      {
        live: false,
        syncCount,
        deletedAtSyncCount: syncCount,
        numRecords: 0,
        dataStorage: 0,
        lastModifiedAt: now,
        lastModifiedBy: dataset.lastModifiedBy,
      },
      tx,
    );
    return syncCount;
  }
}
