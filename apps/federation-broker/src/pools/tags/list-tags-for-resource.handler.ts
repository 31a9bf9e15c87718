import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  FederationBrokerOperations,
  ListTagsForResourceRequest,
  ListTagsForResourceResponse,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { FEDERATION_BROKER_CONFIG, FederationBrokerConfig } from '../../config/federation-broker.config';
import { IdentityPoolLookup } from '../identity-pool.lookup';
import { poolIdOfArn } from './identity-pool-arn';

/** ListTagsForResource: an identity pool's tags (`{}` when it has none). */
@Injectable()
export class ListTagsForResourceHandler implements OperationHandler<
  typeof FederationBrokerOperations.ListTagsForResource
> {
  constructor(
    @Inject(FEDERATION_BROKER_CONFIG) private readonly config: FederationBrokerConfig,
    @Inject(IdentityPoolLookup) private readonly pools: IdentityPoolLookup,
  ) {}

  async execute(req: ListTagsForResourceRequest, meta?: CommandMeta): Promise<ListTagsForResourceResponse> {
    const pool = await this.pools.require(poolIdOfArn(this.config, req.ResourceArn, meta));
    return { Tags: pool.config.tags };
  }
}
