import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, PolicyArnRequest, PolicyResult } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { ManagedPoliciesRepository } from './managed-policies.repository';
import { ManagedPolicyLookup } from './managed-policy.lookup';
import { toManagedPolicy } from './managed-policy-shape';

@Injectable()
export class GetPolicyHandler implements OperationHandler<typeof CredentialVendingOperations.GetPolicy> {
  constructor(
    @Inject(ManagedPoliciesRepository) private readonly repository: ManagedPoliciesRepository,
    @Inject(ManagedPolicyLookup) private readonly policies: ManagedPolicyLookup,
  ) {}

  async execute(req: PolicyArnRequest): Promise<PolicyResult> {
    const policy = await this.policies.requireByArn(req.PolicyArn);
    const attachments = await this.repository.attachmentCount(policy.policyId);
    const boundaryUses = await this.repository.boundaryUsageCount(policy.arn);
    return { Policy: toManagedPolicy(policy, attachments, boundaryUses) };
  }
}
