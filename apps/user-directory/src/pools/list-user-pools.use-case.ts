import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  ListUserPoolsRequest,
  ListUserPoolsResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { decodePageToken, encodePageToken } from '../common/page-token';
import { RequestValidator } from '../common/validate';
import { USER_DIRECTORY_CONFIG, UserDirectoryConfig } from '../user-directory.tokens';
import { UserPoolsRepository } from './user-pools.repository';

/** ListUserPools, a page at a time in id order: the pools of the request's region only (ADR 0032). */
@Injectable()
export class ListUserPoolsUseCase implements OperationHandler<typeof UserDirectoryOperations.ListUserPools> {
  constructor(
    @Inject(UserPoolsRepository) private readonly pools: UserPoolsRepository,
    @Inject(USER_DIRECTORY_CONFIG) private readonly settings: UserDirectoryConfig,
  ) {}

  async execute(req: ListUserPoolsRequest, meta?: CommandMeta): Promise<ListUserPoolsResponse> {
    RequestValidator.of(req).integer('MaxResults', { required: true, min: 1, max: 60 }).check();
    const region = meta?.region ?? this.settings.region;
    const { page, next } = await this.pools.page(decodePageToken(req.NextToken), req.MaxResults, region);
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
