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
import { Transactions } from '@idfed/persistence';
import { UserLookup } from './user-lookup';
import { UsersRepository } from './users.repository';

/**
 * AdminEnableUser. Enabling does not bring the sessions that disabling ended back. The change is
 * announced once; repeating it is a no-op.
 */
@Injectable()
export class AdminEnableUserUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminEnableUser
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  async execute(req: AdminUserRequest, meta: CommandMeta): Promise<AdminEnableUserResponse> {
    await this.transactions.run(async (tx) => {
      const { pool, user } = await this.lookup.requireAdminUser(req, tx);
      if (user.enabled) return;
      const now = new Date();
      await this.users.update(user.sub, { enabled: true, updatedAt: now }, tx);
      const event: UserEnabledEvent = {
        userPoolId: pool.id,
        sub: user.sub,
        username: user.username,
        occurredAt: now.toISOString(),
      };
      await this.outbox.add(tx, {
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
