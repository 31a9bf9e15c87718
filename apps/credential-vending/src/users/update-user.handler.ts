import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, UpdateUserRequest } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { IamArns } from '../common/arns';
import { IamErrors } from '../common/iam-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { validateUserName } from './user-requests';
import { UserLookup } from './user.lookup';
import { UsersRepository } from './users.repository';

/** Renames and/or moves a user; its ARN follows, its id, keys and policies stay. */
@Injectable()
export class UpdateUserHandler implements OperationHandler<typeof CredentialVendingOperations.UpdateUser> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(IamArns) private readonly arns: IamArns,
  ) {}

  async execute(req: UpdateUserRequest): Promise<EmptyResult> {
    validateUserName(req);
    validateUserName(req, 'NewUserName', false);
    RequestValidator.of(req).string('NewPath', { min: 1, max: 512, pattern: Patterns.path }).check();
    await this.transactions.run(async (tx) => {
      const user = await this.lookup.require(req.UserName, tx, true);
      const name = req.NewUserName ?? user.name;
      const path = req.NewPath ?? user.path;
      const outcome = await this.users.rename(
        user.userId,
        { name, path, arn: this.arns.user(path, name) },
        tx,
      );
      if (outcome === 'exists') throw IamErrors.userExists(name);
    });
    return {};
  }
}
