import { Inject, Injectable } from '@nestjs/common';
import { FederationBrokerOperations, IdentityPoolIdRequest } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { IdentityPoolEntity } from '../database/entities';
import { IdentityPoolLookup } from './identity-pool.lookup';

/** Deletes the pool with its identities and logins (cascade). */
@Injectable()
export class DeleteIdentityPoolHandler implements OperationHandler<
  typeof FederationBrokerOperations.DeleteIdentityPool
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(IdentityPoolLookup) private readonly pools: IdentityPoolLookup,
  ) {}

  async execute(req: IdentityPoolIdRequest): Promise<Record<string, never>> {
    const poolId = req?.IdentityPoolId;
    await this.dataSource.transaction(async (m) => {
      await this.pools.require(poolId, m, true);
      await m.delete(IdentityPoolEntity, { id: poolId });
    });
    return {};
  }
}
