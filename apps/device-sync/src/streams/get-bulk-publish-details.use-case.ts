import { Inject, Injectable } from '@nestjs/common';
import { CommandMeta, DeviceSyncOperations, DeviceSyncWire as W } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { IdentityPools } from '../pools/identity-pools';
import { BulkPublishesRepository } from './bulk-publishes.repository';

const seconds = (d: Date) => d.getTime() / 1000;

/** GetBulkPublishDetails (admin key only): the pool's last bulk publish, NOT_STARTED when none. */
@Injectable()
export class GetBulkPublishDetailsUseCase implements OperationHandler<
  typeof DeviceSyncOperations.GetBulkPublishDetails
> {
  constructor(
    @Inject(IdentityPools) private readonly pools: IdentityPools,
    @Inject(BulkPublishesRepository) private readonly publishes: BulkPublishesRepository,
  ) {}

  async execute(request: W.BulkPublishRequest, meta: CommandMeta): Promise<W.GetBulkPublishDetailsResponse> {
    await this.pools.assertExists(request.IdentityPoolId, meta);
    const row = await this.publishes.find(request.IdentityPoolId);
    if (!row) return { IdentityPoolId: request.IdentityPoolId, BulkPublishStatus: 'NOT_STARTED' };
    return {
      IdentityPoolId: row.identityPoolId,
      BulkPublishStatus: row.status,
      BulkPublishStartTime: seconds(row.startedAt),
      ...(row.completedAt ? { BulkPublishCompleteTime: seconds(row.completedAt) } : {}),
      ...(row.failureMessage ? { FailureMessage: row.failureMessage } : {}),
    };
  }
}
