import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, UserPolicyRequest } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { IamErrors } from '../common/iam-errors';
import { validateUserPolicyName } from './user-requests';
import { UserLookup } from './user.lookup';
import { UsersRepository } from './users.repository';

@Injectable()
export class DeleteUserPolicyHandler implements OperationHandler<
  typeof CredentialVendingOperations.DeleteUserPolicy
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(UsersRepository) private readonly users: UsersRepository,
  ) {}

  async execute(req: UserPolicyRequest): Promise<EmptyResult> {
    validateUserPolicyName(req);
    await this.transactions.run(async (tx) => {
      const user = await this.lookup.require(req.UserName, tx, true);
      if (!(await this.users.deleteInlinePolicy(user.userId, req.PolicyName, tx))) {
        throw IamErrors.noSuchUserPolicy(user.name, req.PolicyName);
      }
    });
    return {};
  }
}
