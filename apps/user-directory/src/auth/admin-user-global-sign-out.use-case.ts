import { Inject, Injectable } from '@nestjs/common';
import {
  AdminUserGlobalSignOutResponse,
  AdminUserRequest,
  CommandMeta,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { OutboxService } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { UserLookup } from '../users/user-lookup';
import { Sessions } from './sessions';

/** AdminUserGlobalSignOut: an administrator ends every session of a user. */
@Injectable()
export class AdminUserGlobalSignOutUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminUserGlobalSignOut
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(Sessions) private readonly sessions: Sessions,
    @Inject(UserLookup) private readonly lookup: UserLookup,
  ) {}

  async execute(req: AdminUserRequest, meta: CommandMeta): Promise<AdminUserGlobalSignOutResponse> {
    await this.transactions.run(async (tx) => {
      const { user } = await this.lookup.requireAdminUser(req, tx);
      await this.sessions.endAll(tx, user, meta.requestId);
    });
    this.outbox.nudge();
    return {};
  }
}
