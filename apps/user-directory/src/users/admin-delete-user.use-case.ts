import { Inject, Injectable } from '@nestjs/common';
import {
  AdminDeleteUserResponse,
  AdminUserRequest,
  CommandMeta,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { OutboxService } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { UserDeletion } from './user-deletion';
import { UserLookup } from './user-lookup';

/** AdminDeleteUser: the user and everything of theirs, announced. */
@Injectable()
export class AdminDeleteUserUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminDeleteUser
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(UserDeletion) private readonly deletion: UserDeletion,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  async execute(req: AdminUserRequest, meta: CommandMeta): Promise<AdminDeleteUserResponse> {
    await this.transactions.run(async (tx) => {
      const { user } = await this.lookup.requireAdminUser(req, tx);
      await this.deletion.delete(user, meta.requestId, tx);
    });
    this.outbox.nudge();
    return {};
  }
}
