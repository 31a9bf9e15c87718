import { Inject, Injectable } from '@nestjs/common';
import { DeviceSyncWire as W } from '@idfed/contracts';
import { epochSeconds } from '../common/wire-views';
import { DatasetsRepository } from '../datasets/datasets.repository';
import { PoolSessionCount } from '../sessions/sync-sessions.repository';

/** One pool's usage: its sync sessions and the bytes of its identities' live datasets. */
@Injectable()
export class PoolUsage {
  constructor(@Inject(DatasetsRepository) private readonly datasets: DatasetsRepository) {}

  async of(pool: PoolSessionCount): Promise<W.IdentityPoolUsage> {
    const totals = await this.datasets.poolUsage(pool.identityPoolId);
    return {
      IdentityPoolId: pool.identityPoolId,
      SyncSessionsCount: pool.syncSessionsCount,
      DataStorage: totals.dataStorage,
      ...(totals.lastModifiedAt ? { LastModifiedDate: epochSeconds(totals.lastModifiedAt) } : {}),
    };
  }
}
