import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, PolicyArnRequest } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { IamErrors } from '../common/iam-errors';
import { ManagedPoliciesRepository } from './managed-policies.repository';
import { ManagedPolicyLookup } from './managed-policy.lookup';

/**
 * Like IAM: a policy still attached to a role or user (or a user's permissions boundary), or with versions besides the default, cannot be
 * deleted (DeleteConflict).
 */
@Injectable()
export class DeletePolicyHandler implements OperationHandler<
  typeof CredentialVendingOperations.DeletePolicy
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(ManagedPoliciesRepository) private readonly repository: ManagedPoliciesRepository,
    @Inject(ManagedPolicyLookup) private readonly policies: ManagedPolicyLookup,
  ) {}

  async execute(req: PolicyArnRequest): Promise<EmptyResult> {
    // The policy's row stays locked until commit: an AttachRolePolicy racing this one either
    // committed first (and is seen here) or waits and then finds the policy gone.
    await this.transactions.run(async (tx) => {
      const policy = await this.policies.requireByArn(req.PolicyArn, tx, true);
      if (await this.repository.isInUse(policy.policyId, policy.arn, tx)) throw IamErrors.policyInUse();
      // As IAM: versions other than the default are deleted first; the default goes with the policy.
      if ((await this.repository.versionsOf(policy.policyId, tx)).length > 1)
        throw IamErrors.policyHasVersions();
      await this.repository.delete(policy.policyId, tx);
    });
    return {};
  }
}
