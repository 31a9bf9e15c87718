import {
  AdminDisableUserResponse,
  AdminEnableUserResponse,
  AdminUserRequest,
  UserDirectoryTopics,
  UserDisabledEvent,
  UserEnabledEvent,
} from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { DataSource } from 'typeorm';
import { endAllSessions } from '../auth/sessions';
import { UserEntity } from '../database/entities';
import { PoolsService } from '../pools/pools.service';
import { requireAdminUser } from './user-lookup';

/**
 * AdminDisableUser and AdminEnableUser. Disabling, as in Cognito, also ends every session: a
 * disabled user cannot sign in, refresh or use an access token. Enabling does not bring the old
 * sessions back. Each change is announced once; repeating it is a no-op.
 */
export class AccountStateUseCases {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pools: PoolsService,
    private readonly outbox: OutboxService,
  ) {}

  async disable(req: AdminUserRequest, correlationId: string): Promise<AdminDisableUserResponse> {
    await this.dataSource.transaction(async (m) => {
      const { pool, user } = await requireAdminUser(m, this.pools, req);
      if (!user.enabled) return;
      const tokensValidAfter = await endAllSessions(m, this.outbox, user, correlationId);
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
        correlationId,
      });
    });
    this.outbox.nudge();
    return {};
  }

  async enable(req: AdminUserRequest, correlationId: string): Promise<AdminEnableUserResponse> {
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
        correlationId,
      });
    });
    this.outbox.nudge();
    return {};
  }
}
