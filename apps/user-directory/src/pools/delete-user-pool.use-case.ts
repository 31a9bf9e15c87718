import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  UserDirectoryOperations,
  UserDirectoryTopics,
  UserPoolDeletedEvent,
  UserPoolIdRequest,
} from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { CognitoErrors } from '../common/cognito-errors';
import { UserPoolEntity } from '../database/entities';
import { PoolsService } from './pools.service';

/** DeleteUserPool: the pool and, by cascade, its clients, users, codes, tokens and keys, in one transaction. */
@Injectable()
export class DeleteUserPoolUseCase implements OperationHandler<
  typeof UserDirectoryOperations.DeleteUserPool
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  async execute(
    { UserPoolId: poolId }: UserPoolIdRequest,
    meta: CommandMeta,
  ): Promise<Record<string, never>> {
    await this.dataSource.transaction(async (m) => {
      const pool = await this.pools.require(m, poolId, true);
      if (pool.config.deletionProtection === 'ACTIVE') throw CognitoErrors.deletionProtected();
      await m.delete(UserPoolEntity, { id: poolId });
      const event: UserPoolDeletedEvent = { userPoolId: poolId, occurredAt: new Date().toISOString() };
      await this.outbox.add(m, {
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
