import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, PutGroupPolicyRequest } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { POLICY_SIZE_LIMITS } from '@idfed/policy';
import { OperationHandler } from '@idfed/service-runtime';
import { readPolicy } from '../common/policy-documents';
import { Patterns, RequestValidator } from '../common/validate';
import { validateGroupPolicyName } from './group-requests';
import { GroupLookup } from './group.lookup';
import { GroupsRepository } from './groups.repository';

/**
 * Creates or replaces a group's inline policy; the document is parsed as an identity policy
 * (MalformedPolicyDocument otherwise, nothing stored) and a group's inline policies share IAM's
 * 5,120-character quota.
 */
@Injectable()
export class PutGroupPolicyHandler implements OperationHandler<
  typeof CredentialVendingOperations.PutGroupPolicy
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(GroupLookup) private readonly lookup: GroupLookup,
    @Inject(GroupsRepository) private readonly groups: GroupsRepository,
  ) {}

  async execute(req: PutGroupPolicyRequest): Promise<EmptyResult> {
    validateGroupPolicyName(req);
    RequestValidator.of(req)
      .string('PolicyDocument', { required: true, min: 1, max: 131072, pattern: Patterns.policyDocument })
      .check();
    const size = readPolicy(req.PolicyDocument, 'identity', { label: req.PolicyName }).size.withoutWhitespace;
    await this.transactions.run(async (tx) => {
      const group = await this.lookup.require(req.GroupName, tx, true);
      const total = await this.groups.inlinePolicySizeWithout(group.groupId, req.PolicyName, tx);
      if (total + size > POLICY_SIZE_LIMITS.inlineGroupPolicy) {
        throw new ServiceError(
          'LimitExceeded',
          `Maximum policy size of ${POLICY_SIZE_LIMITS.inlineGroupPolicy} bytes exceeded for group ${group.name}`,
        );
      }
      await this.groups.putInlinePolicy(group.groupId, req.PolicyName, req.PolicyDocument, size, tx);
    });
    return {};
  }
}
