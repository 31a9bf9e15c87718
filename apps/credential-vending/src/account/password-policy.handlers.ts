import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  EmptyResult,
  GetAccountPasswordPolicyResult,
  UpdateAccountPasswordPolicyRequest,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { IamArns } from '../common/arns';
import { RequestValidator } from '../common/validate';
import { AccountErrors } from './account-errors';
import { AccountSettingsRepository } from './account-settings.repository';
import { policyOfRequest, toPasswordPolicy } from './password-policy';

/** IAM GetAccountPasswordPolicy (ADR 0084): NoSuchEntity while the account has none. */
@Injectable()
export class GetAccountPasswordPolicyHandler implements OperationHandler<
  typeof CredentialVendingOperations.GetAccountPasswordPolicy
> {
  constructor(
    @Inject(AccountSettingsRepository) private readonly settings: AccountSettingsRepository,
    @Inject(IamArns) private readonly arns: IamArns,
  ) {}

  async execute(): Promise<GetAccountPasswordPolicyResult> {
    const policy = await this.settings.passwordPolicy();
    if (!policy) throw AccountErrors.noPasswordPolicy(this.arns.accountId);
    return { PasswordPolicy: toPasswordPolicy(policy) };
  }
}

/**
 * IAM UpdateAccountPasswordPolicy (ADR 0084): no partial update, every member left out takes its
 * documented default (policyOfRequest). Passwords already set are not checked again, as on AWS.
 */
@Injectable()
export class UpdateAccountPasswordPolicyHandler implements OperationHandler<
  typeof CredentialVendingOperations.UpdateAccountPasswordPolicy
> {
  constructor(@Inject(AccountSettingsRepository) private readonly settings: AccountSettingsRepository) {}

  async execute(req: UpdateAccountPasswordPolicyRequest): Promise<EmptyResult> {
    RequestValidator.of(req)
      .integer('MinimumPasswordLength', { min: 6, max: 128 })
      .boolean('RequireSymbols')
      .boolean('RequireNumbers')
      .boolean('RequireUppercaseCharacters')
      .boolean('RequireLowercaseCharacters')
      .boolean('AllowUsersToChangePassword')
      .integer('MaxPasswordAge', { min: 1, max: 1095 })
      .integer('PasswordReusePrevention', { min: 1, max: 24 })
      .boolean('HardExpiry')
      .check();
    await this.settings.putPasswordPolicy(policyOfRequest(req), new Date());
    return {};
  }
}

/** IAM DeleteAccountPasswordPolicy (ADR 0084): NoSuchEntity when there is none to delete. */
@Injectable()
export class DeleteAccountPasswordPolicyHandler implements OperationHandler<
  typeof CredentialVendingOperations.DeleteAccountPasswordPolicy
> {
  constructor(
    @Inject(AccountSettingsRepository) private readonly settings: AccountSettingsRepository,
    @Inject(IamArns) private readonly arns: IamArns,
  ) {}

  async execute(): Promise<EmptyResult> {
    if (!(await this.settings.deletePasswordPolicy()))
      throw AccountErrors.noPasswordPolicy(this.arns.accountId);
    return {};
  }
}
