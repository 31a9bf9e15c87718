import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, PolicyVersionRequest } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { IamErrors } from '../common/iam-errors';
import { ManagedPoliciesRepository } from './managed-policies.repository';
import { ManagedPolicyLookup } from './managed-policy.lookup';
import { validateVersionId } from './policy-version-requests';

/**
 * Makes a version the default: the document every role with the policy attached is decided by
 * (within the authorizers' cache time) and the one session policies by ARN use.
 */
@Injectable()
export class SetDefaultPolicyVersionHandler implements OperationHandler<
  typeof CredentialVendingOperations.SetDefaultPolicyVersion
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(ManagedPoliciesRepository) private readonly repository: ManagedPoliciesRepository,
    @Inject(ManagedPolicyLookup) private readonly policies: ManagedPolicyLookup,
  ) {}

  async execute(req: PolicyVersionRequest): Promise<EmptyResult> {
    validateVersionId(req);
    await this.transactions.run(async (tx) => {
      const policy = await this.policies.requireByArn(req.PolicyArn, tx, true);
      const versions = await this.repository.versionsOf(policy.policyId, tx);
      if (!versions.some((v) => v.versionId === req.VersionId)) {
        throw IamErrors.noSuchPolicyVersion(req.PolicyArn, req.VersionId);
      }
      await this.repository.setDefaultVersion(policy.policyId, req.VersionId, new Date(), tx);
    });
    return {};
  }
}
