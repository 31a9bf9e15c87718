import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, UserNameRequest } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { UserLookup } from './user.lookup';
import { UsersRepository } from './users.repository';

/** Removes the user's boundary; a user without one is left as it is. */
@Injectable()
export class DeleteUserPermissionsBoundaryHandler implements OperationHandler<
  typeof CredentialVendingOperations.DeleteUserPermissionsBoundary
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(UsersRepository) private readonly users: UsersRepository,
  ) {}

  async execute(req: UserNameRequest): Promise<EmptyResult> {
    await this.transactions.run(async (tx) => {
      const user = await this.lookup.require(req.UserName, tx, true);
      await this.users.setPermissionsBoundary(user.userId, null, tx);
    });
    return {};
  }
}
