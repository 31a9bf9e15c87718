import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, UntagPolicyRequest } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { checkTagKeys, withoutTags } from '../common/iam-tags';
import { RequestValidator } from '../common/validate';
import { ManagedPoliciesRepository } from './managed-policies.repository';
import { ManagedPolicyLookup } from './managed-policy.lookup';
import { policyArn } from './tag-policy.handler';

/** IAM UntagPolicy: removes the named keys (in any case); a key the policy lacks is ignored. */
@Injectable()
export class UntagPolicyHandler implements OperationHandler<typeof CredentialVendingOperations.UntagPolicy> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(ManagedPoliciesRepository) private readonly repository: ManagedPoliciesRepository,
    @Inject(ManagedPolicyLookup) private readonly policies: ManagedPolicyLookup,
  ) {}

  async execute(req: UntagPolicyRequest): Promise<EmptyResult> {
    checkTagKeys(policyArn(RequestValidator.of(req))).check();
    await this.transactions.run(async (tx) => {
      const policy = await this.policies.requireByArn(req.PolicyArn, tx, true);
      const kept = withoutTags(policy.tags, req.TagKeys);
      if (kept) await this.repository.setTags(policy.policyId, kept, tx);
    });
    return {};
  }
}
