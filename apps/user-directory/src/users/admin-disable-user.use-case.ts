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
import { Transactions } from '@idfed/persistence';
import { Sessions } from '../auth/sessions';
import { UserLookup } from './user-lookup';
import { UsersRepository } from './users.repository';

/**
 * AdminDisableUser. As in Cognito, disabling also ends every session: a disabled user cannot sign
 * in, refresh or use an access token. The change is announced once; repeating it is a no-op.
 */
@Injectable()
export class AdminDisableUserUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminDisableUser
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(Sessions) private readonly sessions: Sessions,
  ) {}

  async execute(req: AdminUserRequest, meta: CommandMeta): Promise<AdminDisableUserResponse> {
    await this.transactions.run(async (tx) => {
      const { pool, user } = await this.lookup.requireAdminUser(req, tx);
      if (!user.enabled) return;
      const tokensValidAfter = await this.sessions.endAll(tx, user, meta.requestId);
      await this.users.update(user.sub, { enabled: false, updatedAt: tokensValidAfter }, tx);
      const event: UserDisabledEvent = {
        userPoolId: pool.id,
        sub: user.sub,
        username: user.username,
        tokensValidAfter: tokensValidAfter.toISOString(),
        occurredAt: tokensValidAfter.toISOString(),
      };
      await this.outbox.add(tx, {
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
