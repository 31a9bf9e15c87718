import { Inject, Injectable } from '@nestjs/common';
import {
  AdminConfirmSignUpResponse,
  AdminUserRequest,
  CommandMeta,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { OutboxService } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { UserLookup } from './user-lookup';
import { cannotConfirm, UserConfirmation } from './user-confirmation';
import { VerificationCodes } from './verification-codes';

/** AdminConfirmSignUp: an administrator confirms a user without a code. */
@Injectable()
export class AdminConfirmSignUpUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminConfirmSignUp
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(VerificationCodes) private readonly codes: VerificationCodes,
    @Inject(UserConfirmation) private readonly confirmation: UserConfirmation,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  async execute(req: AdminUserRequest, meta: CommandMeta): Promise<AdminConfirmSignUpResponse> {
    await this.transactions.run(async (tx) => {
      const { user } = await this.lookup.requireAdminUser(req, tx);
      if (user.status !== 'UNCONFIRMED') throw cannotConfirm(user);
      await this.codes.discard(user.sub, 'confirm-sign-up', tx);
      await this.confirmation.markConfirmed(user, user.attributes, 'admin', meta.requestId, tx);
    });
    this.outbox.nudge();
    return {};
  }
}
