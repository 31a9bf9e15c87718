import { Inject, Injectable } from '@nestjs/common';
import { CommandMeta, FederationBrokerOperations, UntagResourceRequest } from '@idfed/contracts';
import { removeTags } from '@idfed/aws-protocol';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { FEDERATION_BROKER_CONFIG, FederationBrokerConfig } from '../../config/federation-broker.config';
import { IdentityPoolLookup } from '../identity-pool.lookup';
import { IdentityPoolsRepository } from '../identity-pools.repository';
import { poolIdOfArn } from './identity-pool-arn';

/** UntagResource: removes tags of an identity pool by key, under its row lock. */
@Injectable()
export class UntagResourceHandler implements OperationHandler<
  typeof FederationBrokerOperations.UntagResource
> {
  constructor(
    @Inject(FEDERATION_BROKER_CONFIG) private readonly config: FederationBrokerConfig,
    @Inject(IdentityPoolLookup) private readonly pools: IdentityPoolLookup,
    @Inject(IdentityPoolsRepository) private readonly repository: IdentityPoolsRepository,
    @Inject(Transactions) private readonly transactions: Transactions,
  ) {}

  async execute(req: UntagResourceRequest, meta?: CommandMeta): Promise<Record<string, never>> {
    const poolId = poolIdOfArn(this.config, req.ResourceArn, meta);
    await this.transactions.run(async (tx) => {
      const pool = await this.pools.require(poolId, tx, true);
      const tags = removeTags(pool.config.tags, req.TagKeys);
      await this.repository.update(pool.id, { config: { ...pool.config, tags } }, tx);
    });
    return {};
  }
}
