import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  CredentialVendingOperations,
  EmptyResult,
  IamChangePasswordRequest,
} from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { UserLookup } from '../users/user.lookup';
import { AccountErrors } from './account-errors';
import { AttemptCounters } from './attempt-counters.repository';
import { LoginProfilePasswords, validatePassword } from './login-profile-passwords';
import { LoginProfilesRepository } from './login-profiles.repository';

/**
 * IAM ChangePassword (ADR 0084): the IAM user who signed changes its own console password. Whether
 * it may is the gateway's decision (`iam:ChangePassword` on its own user ARN, granted by its
 * policies, or by the account's AllowUsersToChangePassword: GetAccessKeyPrincipal adds that grant).
 * The admin key is the account root, not an IAM user: InvalidUserType. The old password is a
 * guessable secret: wrong ones are counted per user and lock out as Cognito's passwords do
 * (LimitExceeded while locked). The new one meets the policy; PasswordResetRequired is cleared.
 */
@Injectable()
export class ChangePasswordHandler implements OperationHandler<
  typeof CredentialVendingOperations.ChangePassword
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(LoginProfilesRepository) private readonly profiles: LoginProfilesRepository,
    @Inject(LoginProfilePasswords) private readonly passwords: LoginProfilePasswords,
    @Inject(AttemptCounters) private readonly attempts: AttemptCounters,
  ) {}

  async execute(req: IamChangePasswordRequest, meta: CommandMeta): Promise<EmptyResult> {
    validatePassword(req, 'OldPassword', true);
    validatePassword(req, 'NewPassword', true);
    const user = await this.lookup.target(undefined, meta);
    if (!user) throw AccountErrors.notAnIamUser();
    const profile = await this.profiles.find(user.userId);
    if (!profile) throw AccountErrors.noLoginProfile(user.name);
    if (!(await this.attempts.begin('password', user.userId))) throw AccountErrors.passwordAttemptsExceeded();
    if (!(await this.passwords.matches(user.userId, profile.passwordHashEnc, req.OldPassword))) {
      throw AccountErrors.wrongOldPassword();
    }
    await this.attempts.succeeded('password', user.userId);
    await this.transactions.run(async (tx) => {
      const current = await this.profiles.find(user.userId, tx, true);
      if (!current) throw AccountErrors.noLoginProfile(user.name);
      // Changed by someone else since it was checked: the old password given is no longer the one.
      if (!current.passwordHashEnc.equals(profile.passwordHashEnc)) throw AccountErrors.wrongOldPassword();
      const sealed = await this.passwords.newPassword(user.userId, req.NewPassword, current);
      await this.profiles.update(
        {
          ...current,
          passwordHashEnc: sealed,
          previousPasswordHashesEnc: [current.passwordHashEnc, ...current.previousPasswordHashesEnc],
          passwordResetRequired: false,
          passwordChangedAt: new Date(),
        },
        tx,
      );
    });
    return {};
  }
}
