import { Inject, Injectable } from '@nestjs/common';
import { FederationBrokerOperations, ListIdentitiesRequest, ListIdentitiesResponse } from '@idfed/contracts';
import { keysetPage } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { decodePageToken, encodePageToken } from '../common/page-token';
import { Patterns, RequestValidator } from '../common/validate';
import { IdentityEntity } from '../database/entities';
import { IdentityPoolLookup } from '../pools/identity-pool.lookup';
import { IdentityDescriptions } from './identity-descriptions';

@Injectable()
export class ListIdentitiesHandler implements OperationHandler<
  typeof FederationBrokerOperations.ListIdentities
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(IdentityPoolLookup) private readonly pools: IdentityPoolLookup,
    @Inject(IdentityDescriptions) private readonly descriptions: IdentityDescriptions,
  ) {}

  async execute(req: ListIdentitiesRequest): Promise<ListIdentitiesResponse> {
    RequestValidator.of(req)
      .string('IdentityPoolId', { required: true, min: 1, max: 55, pattern: Patterns.identityPoolId })
      .integer('MaxResults', { required: true, min: 1, max: 60 })
      .check();
    await this.pools.require(req.IdentityPoolId);
    const { page, next } = await keysetPage(
      this.dataSource
        .getRepository(IdentityEntity)
        .createQueryBuilder('i')
        .where('i.pool_id = :poolId', { poolId: req.IdentityPoolId }),
      'i.id',
      decodePageToken(req.NextToken),
      req.MaxResults,
      (i) => i.id,
    );
    return {
      IdentityPoolId: req.IdentityPoolId,
      Identities: await Promise.all(page.map((i) => this.descriptions.describe(i))),
      ...(next ? { NextToken: encodePageToken(next) } : {}),
    };
  }
}
