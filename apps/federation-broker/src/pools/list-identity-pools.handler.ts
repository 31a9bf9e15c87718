import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  FederationBrokerOperations,
  ListIdentityPoolsRequest,
  ListIdentityPoolsResponse,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { decodePageToken, encodePageToken } from '../common/page-token';
import { RequestValidator } from '../common/validate';
import { FEDERATION_BROKER_CONFIG, FederationBrokerConfig } from '../config/federation-broker.config';
import { IdentityPoolsRepository } from './identity-pools.repository';

/** ListIdentityPools: the pools of the request's region only (ADR 0032). */
@Injectable()
export class ListIdentityPoolsHandler implements OperationHandler<
  typeof FederationBrokerOperations.ListIdentityPools
> {
  constructor(
    @Inject(IdentityPoolsRepository) private readonly pools: IdentityPoolsRepository,
    @Inject(FEDERATION_BROKER_CONFIG) private readonly config: FederationBrokerConfig,
  ) {}

  async execute(req: ListIdentityPoolsRequest, meta: CommandMeta): Promise<ListIdentityPoolsResponse> {
    RequestValidator.of(req).integer('MaxResults', { required: true, min: 1, max: 60 }).check();
    const region = meta.region ?? this.config.region;
    const { page, next } = await this.pools.page(decodePageToken(req.NextToken), req.MaxResults, region);
    return {
      IdentityPools: page.map((p) => ({ IdentityPoolId: p.id, IdentityPoolName: p.name })),
      ...(next ? { NextToken: encodePageToken(next) } : {}),
    };
  }
}
