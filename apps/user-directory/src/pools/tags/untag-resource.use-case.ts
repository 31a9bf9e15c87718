import { Inject, Injectable } from '@nestjs/common';
import { removeTags } from '@idfed/aws-protocol';
import { CommandMeta, UntagResourceRequest, UserDirectoryOperations } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { USER_DIRECTORY_CONFIG, UserDirectoryConfig } from '../../user-directory.tokens';
import { PoolsService } from '../pools.service';
import { UserPoolsRepository } from '../user-pools.repository';
import { poolIdOfArn } from './user-pool-arn';

/** UntagResource: removes tags of a user pool by key, under its row lock. */
@Injectable()
export class UntagResourceUseCase implements OperationHandler<typeof UserDirectoryOperations.UntagResource> {
  constructor(
    @Inject(USER_DIRECTORY_CONFIG) private readonly config: UserDirectoryConfig,
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(UserPoolsRepository) private readonly poolRows: UserPoolsRepository,
    @Inject(Transactions) private readonly transactions: Transactions,
  ) {}

  async execute(req: UntagResourceRequest, meta?: CommandMeta): Promise<Record<string, never>> {
    const poolId = poolIdOfArn(this.config, req.ResourceArn, meta);
    await this.transactions.run(async (tx) => {
      const pool = await this.pools.require(poolId, tx, true);
      const tags = removeTags(pool.config.tags, req.TagKeys);
      await this.poolRows.updateConfig(pool.id, { ...pool.config, tags }, new Date(), tx);
    });
    return {};
  }
}
