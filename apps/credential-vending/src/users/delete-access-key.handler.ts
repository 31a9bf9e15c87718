import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  CredentialVendingOperations,
  DeleteAccessKeyRequest,
  EmptyResult,
} from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { IamErrors } from '../common/iam-errors';
import { validateAccessKeyId } from './user-requests';
import { UserLookup } from './user.lookup';
import { UsersRepository } from './users.repository';

@Injectable()
export class DeleteAccessKeyHandler implements OperationHandler<
  typeof CredentialVendingOperations.DeleteAccessKey
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(UsersRepository) private readonly users: UsersRepository,
  ) {}

  async execute(req: DeleteAccessKeyRequest, meta: CommandMeta): Promise<EmptyResult> {
    validateAccessKeyId(req);
    await this.transactions.run(async (tx) => {
      const user = await this.lookup.requireTarget(req.UserName, meta, tx, true);
      if (!(await this.users.deleteAccessKey(user.userId, req.AccessKeyId, tx))) {
        throw IamErrors.noSuchAccessKey(req.AccessKeyId);
      }
    });
    return {};
  }
}
