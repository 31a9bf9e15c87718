import { Inject, Injectable } from '@nestjs/common';
import {
  ListUserPoolClientsRequest,
  ListUserPoolClientsResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { decodePageToken, encodePageToken } from '../common/page-token';
import { Patterns, RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { AppClientsRepository } from './app-clients.repository';

/** ListUserPoolClients, a page at a time in id order. */
@Injectable()
export class ListUserPoolClientsUseCase implements OperationHandler<
  typeof UserDirectoryOperations.ListUserPoolClients
> {
  constructor(
    @Inject(AppClientsRepository) private readonly clients: AppClientsRepository,
    @Inject(PoolsService) private readonly pools: PoolsService,
  ) {}

  async execute(req: ListUserPoolClientsRequest): Promise<ListUserPoolClientsResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', { required: true, min: 1, max: 55, pattern: Patterns.userPoolId })
      .integer('MaxResults', { min: 1, max: 60 })
      .check();
    await this.pools.require(req.UserPoolId);
    const max = req.MaxResults ?? 60;
    const { page, next } = await this.clients.page(req.UserPoolId, decodePageToken(req.NextToken), max);
    return {
      UserPoolClients: page.map((c) => ({ ClientId: c.id, UserPoolId: c.poolId, ClientName: c.name })),
      ...(next ? { NextToken: encodePageToken(next) } : {}),
    };
  }
}
