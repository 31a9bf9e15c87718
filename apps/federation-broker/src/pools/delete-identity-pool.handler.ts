import { Inject, Injectable } from '@nestjs/common';
import { FederationBrokerOperations, IdentityPoolIdRequest } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { IdentityPoolLookup } from './identity-pool.lookup';
import { IdentityPoolsRepository } from './identity-pools.repository';

/** Deletes the pool with its identities and logins (cascade). */
@Injectable()
export class DeleteIdentityPoolHandler implements OperationHandler<
  typeof FederationBrokerOperations.DeleteIdentityPool
> {
  constructor(
    @Inject(IdentityPoolsRepository) private readonly repository: IdentityPoolsRepository,
    @Inject(IdentityPoolLookup) private readonly pools: IdentityPoolLookup,
    @Inject(Transactions) private readonly transactions: Transactions,
  ) {}

  async execute(req: IdentityPoolIdRequest): Promise<Record<string, never>> {
    const poolId = req?.IdentityPoolId;
    await this.transactions.run(async (tx) => {
      await this.pools.require(poolId, tx, true);
      await this.repository.delete(poolId, tx);
    });
    return {};
  }
}
