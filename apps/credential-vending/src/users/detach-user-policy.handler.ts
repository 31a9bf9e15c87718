import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, UserPolicyAttachmentRequest } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { IamErrors } from '../common/iam-errors';
import { ManagedPolicyLookup } from '../policies/managed-policy.lookup';
import { validateUserAttachment } from './user-requests';
import { UserLookup } from './user.lookup';
import { UsersRepository } from './users.repository';

@Injectable()
export class DetachUserPolicyHandler implements OperationHandler<
  typeof CredentialVendingOperations.DetachUserPolicy
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(ManagedPolicyLookup) private readonly policies: ManagedPolicyLookup,
  ) {}

  async execute(req: UserPolicyAttachmentRequest): Promise<EmptyResult> {
    validateUserAttachment(req);
    await this.transactions.run(async (tx) => {
      const user = await this.lookup.require(req.UserName, tx, true);
      const policy = await this.policies.requireByArn(req.PolicyArn, tx);
      if (!(await this.users.detach(user.userId, policy.policyId, tx))) {
        throw IamErrors.policyNotAttached(req.PolicyArn);
      }
    });
    return {};
  }
}
