import { Inject, Injectable } from '@nestjs/common';
import { DeviceSyncOperations, DeviceSyncWire as W } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { SyncErrors } from '../common/sync-errors';
import { SyncSessionsRepository } from '../sessions/sync-sessions.repository';
import { PoolUsage } from './pool-usage';

/** DescribeIdentityPoolUsage (admin key): a pool device sync has seen a sync session of. */
@Injectable()
export class DescribeIdentityPoolUsageUseCase implements OperationHandler<
  typeof DeviceSyncOperations.DescribeIdentityPoolUsage
> {
  constructor(
    @Inject(SyncSessionsRepository) private readonly sessions: SyncSessionsRepository,
    @Inject(PoolUsage) private readonly usage: PoolUsage,
  ) {}

  async execute(request: W.DescribeIdentityPoolUsageRequest): Promise<W.DescribeIdentityPoolUsageResponse> {
    const pool = await this.sessions.poolCount(request.IdentityPoolId);
    if (!pool) throw SyncErrors.poolNotFound(request.IdentityPoolId);
    return { IdentityPoolUsage: await this.usage.of(pool) };
  }
}
