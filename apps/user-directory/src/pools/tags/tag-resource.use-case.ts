import { Inject, Injectable } from '@nestjs/common';
import { addTags } from '@idfed/aws-protocol';
import { CommandMeta, TagResourceRequest, UserDirectoryOperations } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../../common/cognito-errors';
import { USER_DIRECTORY_CONFIG, UserDirectoryConfig } from '../../user-directory.tokens';
import { PoolsService } from '../pools.service';
import { UserPoolsRepository } from '../user-pools.repository';
import { poolIdOfArn } from './user-pool-arn';

/** TagResource: adds or overwrites tags of a user pool, under its row lock. */
@Injectable()
export class TagResourceUseCase implements OperationHandler<typeof UserDirectoryOperations.TagResource> {
  constructor(
    @Inject(USER_DIRECTORY_CONFIG) private readonly config: UserDirectoryConfig,
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(UserPoolsRepository) private readonly poolRows: UserPoolsRepository,
    @Inject(Transactions) private readonly transactions: Transactions,
  ) {}

  async execute(req: TagResourceRequest, meta?: CommandMeta): Promise<Record<string, never>> {
    const poolId = poolIdOfArn(this.config, req.ResourceArn, meta);
    await this.transactions.run(async (tx) => {
      const pool = await this.pools.require(poolId, tx, true);
      const change = addTags(pool.config.tags, req.Tags, 'A user pool');
      if ('refused' in change) throw CognitoErrors.invalidParameter(change.refused);
      await this.poolRows.updateConfig(pool.id, { ...pool.config, tags: change.tags }, new Date(), tx);
    });
    return {};
  }
}
