import { Inject, Injectable } from '@nestjs/common';
import {
  AdminEnableUserResponse,
  AdminUserRequest,
  CommandMeta,
  UserDirectoryOperations,
  UserDirectoryTopics,
  UserEnabledEvent,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { OutboxService } from '@idfed/messaging';
import { DataSource } from 'typeorm';
import { UserEntity } from '../database/entities';
import { PoolsService } from '../pools/pools.service';
import { requireAdminUser } from './user-lookup';

/**
 * AdminEnableUser. Enabling does not bring the sessions that disabling ended back. The change is
 * announced once; repeating it is a no-op.
 */
@Injectable()
export class AdminEnableUserUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminEnableUser
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  async execute(req: AdminUserRequest, meta: CommandMeta): Promise<AdminEnableUserResponse> {
    await this.dataSource.transaction(async (m) => {
      const { pool, user } = await requireAdminUser(m, this.pools, req);
      if (user.enabled) return;
      const now = new Date();
      await m.update(UserEntity, { sub: user.sub }, { enabled: true, updatedAt: now });
      const event: UserEnabledEvent = {
        userPoolId: pool.id,
        sub: user.sub,
        username: user.username,
        occurredAt: now.toISOString(),
      };
      await this.outbox.add(m, {
        topic: UserDirectoryTopics.userEnabled,
        key: user.sub,
        payload: event,
        correlationId: meta.requestId,
      });
    });
    this.outbox.nudge();
    return {};
  }
}
