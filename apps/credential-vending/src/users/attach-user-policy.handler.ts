import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, UserPolicyAttachmentRequest } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { IamErrors } from '../common/iam-errors';
import { ManagedPolicyLookup } from '../policies/managed-policy.lookup';
import { MAX_ATTACHED_POLICIES_PER_USER, validateUserAttachment } from './user-requests';
import { UserLookup } from './user.lookup';
import { UsersRepository } from './users.repository';

@Injectable()
export class AttachUserPolicyHandler implements OperationHandler<
  typeof CredentialVendingOperations.AttachUserPolicy
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(ManagedPolicyLookup) private readonly policies: ManagedPolicyLookup,
  ) {}

  async execute(req: UserPolicyAttachmentRequest): Promise<EmptyResult> {
    validateUserAttachment(req);
    // The user's row stays locked until commit: its attachments, and its deletion, take turns.
    await this.transactions.run(async (tx) => {
      const user = await this.lookup.require(req.UserName, tx, true);
      const policy = await this.policies.requireByArn(req.PolicyArn, tx);
      if (await this.users.isAttached(user.userId, policy.policyId, tx)) return; // a no-op in IAM
      if ((await this.users.attachedCount(user.userId, tx)) >= MAX_ATTACHED_POLICIES_PER_USER) {
        throw IamErrors.limitExceeded('PoliciesPerUser', MAX_ATTACHED_POLICIES_PER_USER);
      }
      if ((await this.users.attach(user.userId, policy.policyId, tx)) === 'policy-gone') {
        throw IamErrors.noSuchPolicy(req.PolicyArn);
      }
    });
    return {};
  }
}
