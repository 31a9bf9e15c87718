import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, TagPolicyRequest } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { checkTagList, mergeTags } from '../common/iam-tags';
import { RequestValidator } from '../common/validate';
import { ManagedPoliciesRepository } from './managed-policies.repository';
import { ManagedPolicyLookup } from './managed-policy.lookup';

/**
 * IAM TagPolicy: adds tags to a customer managed policy under its row lock, a key already there (in
 * any case) taking the new key and value; more than 50 in all is LimitExceeded and nothing changes.
 * The tags are the policy's `aws:ResourceTag/<key>` in decisions on it (ADR 0066).
 */
@Injectable()
export class TagPolicyHandler implements OperationHandler<typeof CredentialVendingOperations.TagPolicy> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(ManagedPoliciesRepository) private readonly repository: ManagedPoliciesRepository,
    @Inject(ManagedPolicyLookup) private readonly policies: ManagedPolicyLookup,
  ) {}

  async execute(req: TagPolicyRequest): Promise<EmptyResult> {
    const added = checkTagList(policyArn(RequestValidator.of(req)), req.Tags);
    await this.transactions.run(async (tx) => {
      const policy = await this.policies.requireByArn(req.PolicyArn, tx, true);
      await this.repository.setTags(policy.policyId, mergeTags(policy.tags, added, 'TagsPerPolicy'), tx);
    });
    return {};
  }
}

/** PolicyArn as the policy tag actions check it (IAM's arnType). */
export const policyArn = (v: RequestValidator) =>
  v.string('PolicyArn', { required: true, min: 20, max: 2048 });
