import { Inject, Injectable } from '@nestjs/common';
import { CommandMeta, DeviceSyncOperations, DeviceSyncWire as W } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { assertMayActOn } from '../common/identity-access';
import { epochSeconds } from '../common/wire-views';
import { DatasetsRepository } from '../datasets/datasets.repository';

/**
 * DescribeIdentityUsage: how many live datasets an identity has and their bytes. Identities are the
 * broker's: one device sync has no data for answers zeros rather than guessing whether it exists.
 */
@Injectable()
export class DescribeIdentityUsageUseCase implements OperationHandler<
  typeof DeviceSyncOperations.DescribeIdentityUsage
> {
  constructor(@Inject(DatasetsRepository) private readonly datasets: DatasetsRepository) {}

  async execute(request: W.IdentityRequest, meta: CommandMeta): Promise<W.DescribeIdentityUsageResponse> {
    assertMayActOn(meta, request.IdentityPoolId, request.IdentityId);
    const usage = await this.datasets.identityUsage(request.IdentityId);
    return {
      IdentityUsage: {
        IdentityId: request.IdentityId,
        IdentityPoolId: request.IdentityPoolId,
        DatasetCount: usage.datasetCount,
        DataStorage: usage.dataStorage,
        ...(usage.lastModifiedAt ? { LastModifiedDate: epochSeconds(usage.lastModifiedAt) } : {}),
      },
    };
  }
}
