import { Inject, Injectable } from '@nestjs/common';
import {
  ListUserPoolClientsRequest,
  ListUserPoolClientsResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { keysetPage } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { decodePageToken, encodePageToken } from '../common/page-token';
import { Patterns, RequestValidator } from '../common/validate';
import { AppClientEntity } from '../database/entities';
import { PoolsService } from '../pools/pools.service';

/** ListUserPoolClients, a page at a time in id order. */
@Injectable()
export class ListUserPoolClientsUseCase implements OperationHandler<
  typeof UserDirectoryOperations.ListUserPoolClients
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PoolsService) private readonly pools: PoolsService,
  ) {}

  async execute(req: ListUserPoolClientsRequest): Promise<ListUserPoolClientsResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', { required: true, min: 1, max: 55, pattern: Patterns.userPoolId })
      .integer('MaxResults', { min: 1, max: 60 })
      .check();
    await this.pools.require(this.dataSource.manager, req.UserPoolId);
    const max = req.MaxResults ?? 60;
    const { page, next } = await keysetPage(
      this.dataSource
        .getRepository(AppClientEntity)
        .createQueryBuilder('c')
        .where('c.pool_id = :poolId', { poolId: req.UserPoolId }),
      'c.id',
      decodePageToken(req.NextToken),
      max,
      (c) => c.id,
    );
    return {
      UserPoolClients: page.map((c) => ({ ClientId: c.id, UserPoolId: c.poolId, ClientName: c.name })),
      ...(next ? { NextToken: encodePageToken(next) } : {}),
    };
  }
}
