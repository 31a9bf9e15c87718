import { Inject, Injectable } from '@nestjs/common';
import {
  FederationBrokerOperations,
  ListIdentityPoolsRequest,
  ListIdentityPoolsResponse,
} from '@idfed/contracts';
import { keysetPage } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { decodePageToken, encodePageToken } from '../common/page-token';
import { RequestValidator } from '../common/validate';
import { IdentityPoolEntity } from '../database/entities';

@Injectable()
export class ListIdentityPoolsHandler implements OperationHandler<
  typeof FederationBrokerOperations.ListIdentityPools
> {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async execute(req: ListIdentityPoolsRequest): Promise<ListIdentityPoolsResponse> {
    RequestValidator.of(req).integer('MaxResults', { required: true, min: 1, max: 60 }).check();
    const { page, next } = await keysetPage(
      this.dataSource.getRepository(IdentityPoolEntity).createQueryBuilder('p'),
      'p.id',
      decodePageToken(req.NextToken),
      req.MaxResults,
      (p) => p.id,
    );
    return {
      IdentityPools: page.map((p) => ({ IdentityPoolId: p.id, IdentityPoolName: p.name })),
      ...(next ? { NextToken: encodePageToken(next) } : {}),
    };
  }
}
