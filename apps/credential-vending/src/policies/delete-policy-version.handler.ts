import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, PolicyVersionRequest } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { IamErrors } from '../common/iam-errors';
import { ManagedPoliciesRepository } from './managed-policies.repository';
import { ManagedPolicyLookup } from './managed-policy.lookup';
import { validateVersionId } from './policy-version-requests';

/** Deletes a version that is not the default (DeleteConflict for the default, as IAM). */
@Injectable()
export class DeletePolicyVersionHandler implements OperationHandler<
  typeof CredentialVendingOperations.DeletePolicyVersion
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(ManagedPoliciesRepository) private readonly repository: ManagedPoliciesRepository,
    @Inject(ManagedPolicyLookup) private readonly policies: ManagedPolicyLookup,
  ) {}

  async execute(req: PolicyVersionRequest): Promise<EmptyResult> {
    validateVersionId(req);
    // Under the policy's lock: a SetDefaultPolicyVersion racing this one cannot make the version
    // being deleted the default.
    await this.transactions.run(async (tx) => {
      const policy = await this.policies.requireByArn(req.PolicyArn, tx, true);
      if (policy.defaultVersionId === req.VersionId) throw IamErrors.defaultVersionInUse();
      if (!(await this.repository.deleteVersion(policy.policyId, req.VersionId, tx))) {
        throw IamErrors.noSuchPolicyVersion(req.PolicyArn, req.VersionId);
      }
    });
    return {};
  }
}
