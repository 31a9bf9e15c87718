import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  UserDirectoryOperations,
  UserDirectoryTopics,
  UserPoolDeletedEvent,
  UserPoolIdRequest,
} from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { RunningImports } from '../import/running-imports';
import { PoolsService } from './pools.service';
import { UserPoolsRepository } from './user-pools.repository';

/** DeleteUserPool: the pool and, by cascade, its clients, users, codes, tokens and keys, in one transaction. */
@Injectable()
export class DeleteUserPoolUseCase implements OperationHandler<
  typeof UserDirectoryOperations.DeleteUserPool
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(UserPoolsRepository) private readonly poolRows: UserPoolsRepository,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(RunningImports) private readonly imports: RunningImports,
  ) {}

  async execute(
    { UserPoolId: poolId }: UserPoolIdRequest,
    meta: CommandMeta,
  ): Promise<Record<string, never>> {
    await this.transactions.run(async (tx) => {
      const pool = await this.pools.require(poolId, tx, true);
      await this.imports.refuseWhileRunning(poolId, tx);
      if (pool.config.deletionProtection === 'ACTIVE') throw CognitoErrors.deletionProtected();
      await this.poolRows.delete(poolId, tx);
      const event: UserPoolDeletedEvent = { userPoolId: poolId, occurredAt: new Date().toISOString() };
      await this.outbox.add(tx, {
        topic: UserDirectoryTopics.userPoolDeleted,
        key: poolId,
        payload: event,
        correlationId: meta.requestId,
      });
    });
    this.outbox.nudge();
    this.pools.forgetDeleted(poolId);
    return {};
  }
}
