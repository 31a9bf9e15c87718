import { Inject, Injectable } from '@nestjs/common';
import { AdminResetUserPasswordRequest, UserDirectoryOperations } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, RequestValidator } from '../common/validate';
import { BackgroundDelivery } from '../delivery/background-delivery';
import { passwordResetMessage } from '../delivery/code-messages';
import { eventAttributes } from '../triggers/user-pool-triggers';
import { UserLookup } from './user-lookup';
import { UsersRepository } from './users.repository';
import { recoveryChannel, recoveryMechanisms, VerificationCodes } from './verification-codes';

/**
 * AdminResetUserPassword, the administrator's ForgotPassword: the user becomes RESET_REQUIRED (a
 * sign-in with the right password answers PasswordResetRequiredException, a wrong one what any
 * wrong password gets), and a reset code goes to the verified email or phone the pool's
 * AccountRecoverySetting picks; without one, none is sent and ConfirmForgotPassword needs a later
 * ForgotPassword. The code and the status change are written in one transaction.
 */
@Injectable()
export class AdminResetUserPasswordUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminResetUserPassword
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(VerificationCodes) private readonly codes: VerificationCodes,
    @Inject(BackgroundDelivery) private readonly delivery: BackgroundDelivery,
  ) {}

  async execute(req: AdminResetUserPasswordRequest): Promise<Record<string, never>> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .string('Username', Members.username)
      .check();
    const message = await this.transactions.run(async (tx) => {
      const { pool, user } = await this.lookup.requireAdminUser(req, tx);
      const mechanisms = recoveryMechanisms(pool.config);
      // "To use this API operation, your user pool must have self-service account recovery
      // configured" (API reference). The refusal's name and wording are idfed's: not observed.
      if (mechanisms.includes('admin_only')) {
        throw CognitoErrors.invalidParameter(
          'Cannot reset password for the user as the user pool has no self-service account recovery.',
        );
      }
      // A password the user never chose (temporary) or never had (federated) is not reset: the
      // wording is ForgotPassword's for the same state.
      if (user.status === 'FORCE_CHANGE_PASSWORD' || user.status === 'EXTERNAL_PROVIDER') {
        throw CognitoErrors.notAuthorized('User password cannot be reset in the current state.');
      }
      await this.users.update(user.sub, { status: 'RESET_REQUIRED', updatedAt: new Date() }, tx);
      const channel = recoveryChannel(user.attributes, mechanisms);
      if (!channel) return undefined;
      const code = await this.codes.issue(user.sub, 'forgot-password', tx);
      return passwordResetMessage(channel.medium, channel.destination, code, pool, user.username, {
        source: 'ForgotPassword',
        clientId: 'CLIENT_ID_NOT_APPLICABLE',
        userAttributes: eventAttributes(user),
        ...(req.ClientMetadata ? { clientMetadata: req.ClientMetadata } : {}),
      });
    });
    if (message) this.delivery.enqueue(message);
    return {};
  }
}
