import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, PolicyVersionRequest, PolicyVersionResult } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { IamErrors } from '../common/iam-errors';
import { ManagedPoliciesRepository } from './managed-policies.repository';
import { ManagedPolicyLookup } from './managed-policy.lookup';
import { validateVersionId } from './policy-version-requests';
import { toPolicyVersion } from './policy-version-shape';

/** One version of a customer managed policy, with its document URL-encoded as IAM sends it. */
@Injectable()
export class GetPolicyVersionHandler implements OperationHandler<
  typeof CredentialVendingOperations.GetPolicyVersion
> {
  constructor(
    @Inject(ManagedPoliciesRepository) private readonly repository: ManagedPoliciesRepository,
    @Inject(ManagedPolicyLookup) private readonly policies: ManagedPolicyLookup,
  ) {}

  async execute(req: PolicyVersionRequest): Promise<PolicyVersionResult> {
    validateVersionId(req);
    const policy = await this.policies.requireByArn(req.PolicyArn);
    const version = await this.repository.findVersion(policy.policyId, req.VersionId);
    if (!version) throw IamErrors.noSuchPolicyVersion(req.PolicyArn, req.VersionId);
    return { PolicyVersion: toPolicyVersion(version, policy.defaultVersionId) };
  }
}
