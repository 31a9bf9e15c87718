import { Inject, Injectable } from '@nestjs/common';
import {
  FederationBrokerOperations,
  ListIdentityPoolsRequest,
  ListIdentityPoolsResponse,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { decodePageToken, encodePageToken } from '../common/page-token';
import { RequestValidator } from '../common/validate';
import { IdentityPoolsRepository } from './identity-pools.repository';

@Injectable()
export class ListIdentityPoolsHandler implements OperationHandler<
  typeof FederationBrokerOperations.ListIdentityPools
> {
  constructor(@Inject(IdentityPoolsRepository) private readonly pools: IdentityPoolsRepository) {}

  async execute(req: ListIdentityPoolsRequest): Promise<ListIdentityPoolsResponse> {
    RequestValidator.of(req).integer('MaxResults', { required: true, min: 1, max: 60 }).check();
    const { page, next } = await this.pools.page(decodePageToken(req.NextToken), req.MaxResults);
    return {
      IdentityPools: page.map((p) => ({ IdentityPoolId: p.id, IdentityPoolName: p.name })),
      ...(next ? { NextToken: encodePageToken(next) } : {}),
    };
  }
}
