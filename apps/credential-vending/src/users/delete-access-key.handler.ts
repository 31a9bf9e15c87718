import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, DeleteAccessKeyRequest, EmptyResult } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { IamErrors } from '../common/iam-errors';
import { requireNamedUser, validateAccessKeyId } from './user-requests';
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

  async execute(req: DeleteAccessKeyRequest): Promise<EmptyResult> {
    validateAccessKeyId(req);
    const userName = requireNamedUser(req.UserName);
    await this.transactions.run(async (tx) => {
      const user = await this.lookup.require(userName, tx, true);
      if (!(await this.users.deleteAccessKey(user.userId, req.AccessKeyId, tx))) {
        throw IamErrors.noSuchAccessKey(req.AccessKeyId);
      }
    });
    return {};
  }
}
