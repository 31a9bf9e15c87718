import { Inject, Injectable } from '@nestjs/common';
import { FederationBrokerOperations, ListIdentitiesRequest, ListIdentitiesResponse } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { decodePageToken, encodePageToken } from '../common/page-token';
import { Patterns, RequestValidator } from '../common/validate';
import { IdentityPoolLookup } from '../pools/identity-pool.lookup';
import { IdentitiesRepository } from './identities.repository';
import { IdentityDescriptions } from './identity-descriptions';

@Injectable()
export class ListIdentitiesHandler implements OperationHandler<
  typeof FederationBrokerOperations.ListIdentities
> {
  constructor(
    @Inject(IdentitiesRepository) private readonly identities: IdentitiesRepository,
    @Inject(IdentityPoolLookup) private readonly pools: IdentityPoolLookup,
    @Inject(IdentityDescriptions) private readonly descriptions: IdentityDescriptions,
  ) {}

  async execute(req: ListIdentitiesRequest): Promise<ListIdentitiesResponse> {
    RequestValidator.of(req)
      .string('IdentityPoolId', { required: true, min: 1, max: 55, pattern: Patterns.identityPoolId })
      .integer('MaxResults', { required: true, min: 1, max: 60 })
      .check();
    await this.pools.require(req.IdentityPoolId);
    const { page, next } = await this.identities.page(
      req.IdentityPoolId,
      decodePageToken(req.NextToken),
      req.MaxResults,
    );
    return {
      IdentityPoolId: req.IdentityPoolId,
      Identities: await Promise.all(page.map((i) => this.descriptions.describe(i))),
      ...(next ? { NextToken: encodePageToken(next) } : {}),
    };
  }
}
