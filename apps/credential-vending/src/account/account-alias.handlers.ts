import { Inject, Injectable } from '@nestjs/common';
import {
  AccountAliasRequest,
  CredentialVendingOperations,
  EmptyResult,
  ListAccountAliasesRequest,
  ListAccountAliasesResult,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { RequestValidator } from '../common/validate';
import { AccountErrors } from './account-errors';
import { AccountSettingsRepository } from './account-settings.repository';

/** botocore's accountAliasType: 3-63 lowercase letters, digits and single dashes, not at either end. */
const ACCOUNT_ALIAS = /^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$/;

function validateAlias(req: object): void {
  RequestValidator.of(req)
    .string('AccountAlias', { required: true, min: 3, max: 63, pattern: ACCOUNT_ALIAS })
    .check();
}

/**
 * IAM CreateAccountAlias (ADR 0084): the account has one alias at most, and a new one replaces it
 * (AWS supports only one alias per account). An alias is unique across AWS; idfed serves one
 * account, so no other account can hold it.
 */
@Injectable()
export class CreateAccountAliasHandler implements OperationHandler<
  typeof CredentialVendingOperations.CreateAccountAlias
> {
  constructor(@Inject(AccountSettingsRepository) private readonly settings: AccountSettingsRepository) {}

  async execute(req: AccountAliasRequest): Promise<EmptyResult> {
    validateAlias(req);
    await this.settings.putAlias(req.AccountAlias, new Date());
    return {};
  }
}

/** IAM DeleteAccountAlias (ADR 0084): NoSuchEntity unless it is the account's alias. */
@Injectable()
export class DeleteAccountAliasHandler implements OperationHandler<
  typeof CredentialVendingOperations.DeleteAccountAlias
> {
  constructor(@Inject(AccountSettingsRepository) private readonly settings: AccountSettingsRepository) {}

  async execute(req: AccountAliasRequest): Promise<EmptyResult> {
    validateAlias(req);
    if (!(await this.settings.deleteAlias(req.AccountAlias)))
      throw AccountErrors.noSuchAlias(req.AccountAlias);
    return {};
  }
}

/** IAM ListAccountAliases (ADR 0084): the one alias, or none; never truncated. */
@Injectable()
export class ListAccountAliasesHandler implements OperationHandler<
  typeof CredentialVendingOperations.ListAccountAliases
> {
  constructor(@Inject(AccountSettingsRepository) private readonly settings: AccountSettingsRepository) {}

  async execute(req: ListAccountAliasesRequest): Promise<ListAccountAliasesResult> {
    RequestValidator.of(req)
      .string('Marker', { min: 1, max: 320, pattern: /^[\u0020-\u00FF]+$/ })
      .integer('MaxItems', { min: 1, max: 1000 })
      .check();
    // A Marker is only ever answered with a truncated page, which one alias never makes.
    if (req.Marker !== undefined) return { AccountAliases: [], IsTruncated: false };
    const alias = await this.settings.alias();
    return { AccountAliases: alias ? [alias] : [], IsTruncated: false };
  }
}
