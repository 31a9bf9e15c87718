import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  EmptyResult,
  PutUserPermissionsBoundaryRequest,
} from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { ManagedPolicyLookup } from '../policies/managed-policy.lookup';
import { validateUserAttachment } from './user-requests';
import { UserLookup } from './user.lookup';
import { UsersRepository } from './users.repository';

/** Sets or replaces the managed policy that bounds what the user's own policies can allow. */
@Injectable()
export class PutUserPermissionsBoundaryHandler implements OperationHandler<
  typeof CredentialVendingOperations.PutUserPermissionsBoundary
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(ManagedPolicyLookup) private readonly policies: ManagedPolicyLookup,
  ) {}

  async execute(req: PutUserPermissionsBoundaryRequest): Promise<EmptyResult> {
    validateUserAttachment(req, 'PermissionsBoundary');
    await this.transactions.run(async (tx) => {
      const user = await this.lookup.require(req.UserName, tx, true);
      // Locked like DeletePolicy locks it: the boundary cannot be deleted under this write.
      const policy = await this.policies.requireByArn(req.PermissionsBoundary, tx, true);
      await this.users.setPermissionsBoundary(user.userId, policy.arn, tx);
    });
    return {};
  }
}
