import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, GroupPolicyAttachmentRequest } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { IamErrors } from '../common/iam-errors';
import { ManagedPolicyLookup } from '../policies/managed-policy.lookup';
import { MAX_ATTACHED_POLICIES_PER_GROUP, validateGroupAttachment } from './group-requests';
import { GroupLookup } from './group.lookup';
import { GroupsRepository } from './groups.repository';

@Injectable()
export class AttachGroupPolicyHandler implements OperationHandler<
  typeof CredentialVendingOperations.AttachGroupPolicy
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(GroupLookup) private readonly lookup: GroupLookup,
    @Inject(GroupsRepository) private readonly groups: GroupsRepository,
    @Inject(ManagedPolicyLookup) private readonly policies: ManagedPolicyLookup,
  ) {}

  async execute(req: GroupPolicyAttachmentRequest): Promise<EmptyResult> {
    validateGroupAttachment(req);
    // The group's row stays locked until commit: its attachments, and its deletion, take turns.
    await this.transactions.run(async (tx) => {
      const group = await this.lookup.require(req.GroupName, tx, true);
      const policy = await this.policies.requireByArn(req.PolicyArn, tx);
      if (await this.groups.isAttached(group.groupId, policy.policyId, tx)) return; // a no-op in IAM
      if ((await this.groups.attachedCount(group.groupId, tx)) >= MAX_ATTACHED_POLICIES_PER_GROUP) {
        throw IamErrors.limitExceeded('PoliciesPerGroup', MAX_ATTACHED_POLICIES_PER_GROUP);
      }
      if ((await this.groups.attach(group.groupId, policy.policyId, tx)) === 'policy-gone') {
        throw IamErrors.noSuchPolicy(req.PolicyArn);
      }
    });
    return {};
  }
}
