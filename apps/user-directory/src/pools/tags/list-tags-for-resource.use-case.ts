import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  ListTagsForResourceRequest,
  ListTagsForResourceResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { USER_DIRECTORY_CONFIG, UserDirectoryConfig } from '../../user-directory.tokens';
import { PoolsService } from '../pools.service';
import { poolIdOfArn } from './user-pool-arn';

/** ListTagsForResource: a user pool's tags (`{}` when it has none). */
@Injectable()
export class ListTagsForResourceUseCase implements OperationHandler<
  typeof UserDirectoryOperations.ListTagsForResource
> {
  constructor(
    @Inject(USER_DIRECTORY_CONFIG) private readonly config: UserDirectoryConfig,
    @Inject(PoolsService) private readonly pools: PoolsService,
  ) {}

  async execute(req: ListTagsForResourceRequest, meta?: CommandMeta): Promise<ListTagsForResourceResponse> {
    const pool = await this.pools.require(poolIdOfArn(this.config, req.ResourceArn, meta));
    return { Tags: pool.config.tags };
  }
}
