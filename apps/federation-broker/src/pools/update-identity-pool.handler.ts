import { Inject, Injectable } from '@nestjs/common';
import { FederationBrokerOperations, IdentityPoolType, UpdateIdentityPoolRequest } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { BrokerErrors } from '../common/broker-errors';
import { IdentityPoolLookup } from './identity-pool.lookup';
import { IdentityPoolsRepository } from './identity-pools.repository';
import { identityPoolConfigFrom, toIdentityPoolType } from './identity-pool-config';

@Injectable()
export class UpdateIdentityPoolHandler implements OperationHandler<
  typeof FederationBrokerOperations.UpdateIdentityPool
> {
  constructor(
    @Inject(IdentityPoolsRepository) private readonly repository: IdentityPoolsRepository,
    @Inject(IdentityPoolLookup) private readonly pools: IdentityPoolLookup,
    @Inject(Transactions) private readonly transactions: Transactions,
  ) {}

  async execute(req: UpdateIdentityPoolRequest): Promise<IdentityPoolType> {
    const config = identityPoolConfigFrom(req);
    return this.transactions.run(async (tx) => {
      const pool = await this.pools.require(req.IdentityPoolId, tx, true);
      const previous = pool.config.developerProviderName;
      if (previous && config.developerProviderName !== previous) {
        throw BrokerErrors.invalidParameter('The developer provider name cannot be changed once set.');
      }
      await this.repository.update(pool.id, { name: req.IdentityPoolName, config }, tx);
      return toIdentityPoolType({ ...pool, name: req.IdentityPoolName, config });
    });
  }
}
