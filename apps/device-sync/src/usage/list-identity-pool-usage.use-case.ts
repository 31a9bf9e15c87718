import { Inject, Injectable } from '@nestjs/common';
import { DeviceSyncOperations, DeviceSyncWire as W } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { decodePageToken, encodePageToken, isString, pageSize } from '../common/page-token';
import { SyncSessionsRepository } from '../sessions/sync-sessions.repository';
import { PoolUsage } from './pool-usage';

const MAX_PAGE = 60;

/** ListIdentityPoolUsage (admin key): the usage of every pool device sync has seen, by pool id. */
@Injectable()
export class ListIdentityPoolUsageUseCase implements OperationHandler<
  typeof DeviceSyncOperations.ListIdentityPoolUsage
> {
  constructor(
    @Inject(SyncSessionsRepository) private readonly sessions: SyncSessionsRepository,
    @Inject(PoolUsage) private readonly usage: PoolUsage,
  ) {}

  async execute(request: W.ListIdentityPoolUsageRequest): Promise<W.ListIdentityPoolUsageResponse> {
    const max = pageSize(request.MaxResults, MAX_PAGE, MAX_PAGE);
    const { page, next } = await this.sessions.pagePools(decodePageToken(request.NextToken, isString), max);
    const usages: W.IdentityPoolUsage[] = [];
    for (const pool of page) usages.push(await this.usage.of(pool));
    return {
      IdentityPoolUsages: usages,
      MaxResults: max,
      Count: usages.length,
      ...(next ? { NextToken: encodePageToken(next) } : {}),
    };
  }
}
