import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  CredentialVendingOperations,
  EmptyResult,
  UpdateAccessKeyRequest,
} from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { IamErrors } from '../common/iam-errors';
import { RequestValidator } from '../common/validate';
import { validateAccessKeyId } from './user-requests';
import { UserLookup } from './user.lookup';
import { UsersRepository } from './users.repository';

/** Active or Inactive; a key of another user is NoSuchEntity, as one that does not exist. */
@Injectable()
export class UpdateAccessKeyHandler implements OperationHandler<
  typeof CredentialVendingOperations.UpdateAccessKey
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(UsersRepository) private readonly users: UsersRepository,
  ) {}

  async execute(req: UpdateAccessKeyRequest, meta: CommandMeta): Promise<EmptyResult> {
    validateAccessKeyId(req);
    RequestValidator.of(req).oneOf('Status', ['Active', 'Inactive'], true).check();
    await this.transactions.run(async (tx) => {
      const user = await this.lookup.requireTarget(req.UserName, meta, tx, true);
      if (!(await this.users.setAccessKeyStatus(user.userId, req.AccessKeyId, req.Status, tx))) {
        throw IamErrors.noSuchAccessKey(req.AccessKeyId);
      }
    });
    return {};
  }
}
