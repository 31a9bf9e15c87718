import { Inject, Injectable } from '@nestjs/common';
import { FederationBrokerOperations, IdentityPoolType, UpdateIdentityPoolRequest } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { BrokerErrors } from '../common/broker-errors';
import { IdentityPoolEntity } from '../database/entities';
import { IdentityPoolLookup } from './identity-pool.lookup';
import { identityPoolConfigFrom, toIdentityPoolType } from './identity-pool-config';

@Injectable()
export class UpdateIdentityPoolHandler implements OperationHandler<
  typeof FederationBrokerOperations.UpdateIdentityPool
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(IdentityPoolLookup) private readonly pools: IdentityPoolLookup,
  ) {}

  async execute(req: UpdateIdentityPoolRequest): Promise<IdentityPoolType> {
    const config = identityPoolConfigFrom(req);
    return this.dataSource.transaction(async (m) => {
      const pool = await this.pools.require(req.IdentityPoolId, m, true);
      const previous = pool.config.developerProviderName;
      if (previous && config.developerProviderName !== previous) {
        throw BrokerErrors.invalidParameter('The developer provider name cannot be changed once set.');
      }
      await m.update(
        IdentityPoolEntity,
        { id: pool.id },
        { name: req.IdentityPoolName, config, updatedAt: new Date() },
      );
      return toIdentityPoolType({ ...pool, name: req.IdentityPoolName, config });
    });
  }
}
