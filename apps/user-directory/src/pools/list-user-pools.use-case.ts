import { Inject, Injectable } from '@nestjs/common';
import { ListUserPoolsRequest, ListUserPoolsResponse, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { decodePageToken, encodePageToken } from '../common/page-token';
import { RequestValidator } from '../common/validate';
import { UserPoolsRepository } from './user-pools.repository';

/** ListUserPools, a page at a time in id order. */
@Injectable()
export class ListUserPoolsUseCase implements OperationHandler<typeof UserDirectoryOperations.ListUserPools> {
  constructor(@Inject(UserPoolsRepository) private readonly pools: UserPoolsRepository) {}

  async execute(req: ListUserPoolsRequest): Promise<ListUserPoolsResponse> {
    RequestValidator.of(req).integer('MaxResults', { required: true, min: 1, max: 60 }).check();
    const { page, next } = await this.pools.page(decodePageToken(req.NextToken), req.MaxResults);
    return {
      UserPools: page.map((p) => ({
        Id: p.id,
        Name: p.name,
        LastModifiedDate: p.updatedAt.getTime() / 1000,
        CreationDate: p.createdAt.getTime() / 1000,
      })),
      ...(next ? { NextToken: encodePageToken(next) } : {}),
    };
  }
}
