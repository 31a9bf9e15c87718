import { Inject, Injectable } from '@nestjs/common';
import { CommandMeta, DeviceSyncOperations, DeviceSyncWire as W } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { assertMayActOn } from '../common/identity-access';
import { SyncErrors } from '../common/sync-errors';
import { datasetView } from '../common/wire-views';
import { DatasetsRepository } from './datasets.repository';

/** DescribeDataset: a live dataset's metadata; a deleted or never-created one is not found. */
@Injectable()
export class DescribeDatasetUseCase implements OperationHandler<typeof DeviceSyncOperations.DescribeDataset> {
  constructor(@Inject(DatasetsRepository) private readonly datasets: DatasetsRepository) {}

  async execute(request: W.DatasetRequest, meta: CommandMeta): Promise<W.DatasetResponse> {
    assertMayActOn(meta, request.IdentityPoolId, request.IdentityId);
    const dataset = await this.datasets.find(request.IdentityId, request.DatasetName);
    if (!dataset?.live || dataset.identityPoolId !== request.IdentityPoolId) {
      throw SyncErrors.datasetNotFound(request.DatasetName);
    }
    return { Dataset: datasetView(dataset) };
  }
}
