import { Inject, Injectable } from '@nestjs/common';
import {
  AdminDisableUserResponse,
  AdminUserRequest,
  CommandMeta,
  UserDirectoryOperations,
  UserDirectoryTopics,
  UserDisabledEvent,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { OutboxService } from '@idfed/messaging';
import { DataSource } from 'typeorm';
import { Sessions } from '../auth/sessions';
import { UserEntity } from '../database/entities';
import { PoolsService } from '../pools/pools.service';
import { requireAdminUser } from './user-lookup';

/**
 * AdminDisableUser. As in Cognito, disabling also ends every session: a disabled user cannot sign
 * in, refresh or use an access token. The change is announced once; repeating it is a no-op.
 */
@Injectable()
export class AdminDisableUserUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminDisableUser
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(Sessions) private readonly sessions: Sessions,
  ) {}

  async execute(req: AdminUserRequest, meta: CommandMeta): Promise<AdminDisableUserResponse> {
    await this.dataSource.transaction(async (m) => {
      const { pool, user } = await requireAdminUser(m, this.pools, req);
      if (!user.enabled) return;
      const tokensValidAfter = await this.sessions.endAll(m, user, meta.requestId);
      await m.update(UserEntity, { sub: user.sub }, { enabled: false, updatedAt: tokensValidAfter });
      const event: UserDisabledEvent = {
        userPoolId: pool.id,
        sub: user.sub,
        username: user.username,
        tokensValidAfter: tokensValidAfter.toISOString(),
        occurredAt: tokensValidAfter.toISOString(),
      };
      await this.outbox.add(m, {
        topic: UserDirectoryTopics.userDisabled,
        key: user.sub,
        payload: event,
        correlationId: meta.requestId,
      });
    });
    this.outbox.nudge();
    return {};
  }
}
