import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, GroupPolicyAttachmentRequest } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { IamErrors } from '../common/iam-errors';
import { ManagedPolicyLookup } from '../policies/managed-policy.lookup';
import { validateGroupAttachment } from './group-requests';
import { GroupLookup } from './group.lookup';
import { GroupsRepository } from './groups.repository';

@Injectable()
export class DetachGroupPolicyHandler implements OperationHandler<
  typeof CredentialVendingOperations.DetachGroupPolicy
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(GroupLookup) private readonly lookup: GroupLookup,
    @Inject(GroupsRepository) private readonly groups: GroupsRepository,
    @Inject(ManagedPolicyLookup) private readonly policies: ManagedPolicyLookup,
  ) {}

  async execute(req: GroupPolicyAttachmentRequest): Promise<EmptyResult> {
    validateGroupAttachment(req);
    await this.transactions.run(async (tx) => {
      const group = await this.lookup.require(req.GroupName, tx, true);
      const policy = await this.policies.requireByArn(req.PolicyArn, tx);
      if (!(await this.groups.detach(group.groupId, policy.policyId, tx))) {
        throw IamErrors.policyNotAttached(req.PolicyArn);
      }
    });
    return {};
  }
}
