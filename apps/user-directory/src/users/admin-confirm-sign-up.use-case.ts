import { Inject, Injectable } from '@nestjs/common';
import { NO_CLIENT, UserPoolTriggers } from '../triggers/user-pool-triggers';
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
    @Inject(UserPoolTriggers) private readonly triggers: UserPoolTriggers,
  ) {}

  async execute(req: AdminUserRequest, meta: CommandMeta): Promise<AdminConfirmSignUpResponse> {
    const { pool, user } = await this.transactions.run(async (tx) => {
      const found = await this.lookup.requireAdminUser(req, tx);
      const user = found.user;
      if (user.status !== 'UNCONFIRMED') throw cannotConfirm(user);
      await this.codes.discard(user.sub, 'confirm-sign-up', tx);
      await this.confirmation.markConfirmed(user, user.attributes, 'admin', meta.requestId, tx);
      return found;
    });
    this.outbox.nudge();
    // PostConfirmation (ADR 0030) after the commit, as ConfirmSignUp; no app client is involved.
    await this.triggers.postConfirmation(pool, 'PostConfirmation_ConfirmSignUp', NO_CLIENT, {
      ...user,
      status: 'CONFIRMED',
    });
    return {};
  }
}
