import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, IamGroupNameRequest } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { IamErrors } from '../common/iam-errors';
import { GroupLookup } from './group.lookup';
import { GroupsRepository } from './groups.repository';

/**
 * As IAM: a group with users, inline policies or attached policies cannot be deleted
 * (DeleteConflict naming the first of them); the operator removes them first.
 */
@Injectable()
export class DeleteGroupHandler implements OperationHandler<typeof CredentialVendingOperations.DeleteGroup> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(GroupLookup) private readonly lookup: GroupLookup,
    @Inject(GroupsRepository) private readonly groups: GroupsRepository,
  ) {}

  async execute(req: IamGroupNameRequest): Promise<EmptyResult> {
    await this.transactions.run(async (tx) => {
      const group = await this.lookup.require(req.GroupName, tx, true);
      const left = await this.groups.dependents(group.groupId, tx);
      if (left.members) throw IamErrors.groupHasMembers();
      if (left.inlinePolicies) throw IamErrors.roleHasInlinePolicies();
      if (left.attachedPolicies) throw IamErrors.roleHasAttachedPolicies();
      await this.groups.delete(group.groupId, tx);
    });
    return {};
  }
}
