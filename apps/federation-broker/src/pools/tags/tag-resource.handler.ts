import { Inject, Injectable } from '@nestjs/common';
import { CommandMeta, FederationBrokerOperations, TagResourceRequest } from '@idfed/contracts';
import { addTags } from '@idfed/aws-protocol';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { BrokerErrors } from '../../common/broker-errors';
import { FEDERATION_BROKER_CONFIG, FederationBrokerConfig } from '../../config/federation-broker.config';
import { IdentityPoolLookup } from '../identity-pool.lookup';
import { IdentityPoolsRepository } from '../identity-pools.repository';
import { poolIdOfArn } from './identity-pool-arn';

/** TagResource: adds or overwrites tags of an identity pool, under its row lock. */
@Injectable()
export class TagResourceHandler implements OperationHandler<typeof FederationBrokerOperations.TagResource> {
  constructor(
    @Inject(FEDERATION_BROKER_CONFIG) private readonly config: FederationBrokerConfig,
    @Inject(IdentityPoolLookup) private readonly pools: IdentityPoolLookup,
    @Inject(IdentityPoolsRepository) private readonly repository: IdentityPoolsRepository,
    @Inject(Transactions) private readonly transactions: Transactions,
  ) {}

  async execute(req: TagResourceRequest, meta?: CommandMeta): Promise<Record<string, never>> {
    const poolId = poolIdOfArn(this.config, req.ResourceArn, meta);
    await this.transactions.run(async (tx) => {
      const pool = await this.pools.require(poolId, tx, true);
      const change = addTags(pool.config.tags, req.Tags, 'An identity pool');
      if ('refused' in change) throw BrokerErrors.invalidParameter(change.refused);
      await this.repository.update(pool.id, { config: { ...pool.config, tags: change.tags } }, tx);
    });
    return {};
  }
}
