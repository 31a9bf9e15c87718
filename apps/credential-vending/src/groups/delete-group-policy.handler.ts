import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, GroupPolicyRequest } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { IamErrors } from '../common/iam-errors';
import { validateGroupPolicyName } from './group-requests';
import { GroupLookup } from './group.lookup';
import { GroupsRepository } from './groups.repository';

@Injectable()
export class DeleteGroupPolicyHandler implements OperationHandler<
  typeof CredentialVendingOperations.DeleteGroupPolicy
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(GroupLookup) private readonly lookup: GroupLookup,
    @Inject(GroupsRepository) private readonly groups: GroupsRepository,
  ) {}

  async execute(req: GroupPolicyRequest): Promise<EmptyResult> {
    validateGroupPolicyName(req);
    await this.transactions.run(async (tx) => {
      const group = await this.lookup.require(req.GroupName, tx, true);
      if (!(await this.groups.deleteInlinePolicy(group.groupId, req.PolicyName, tx))) {
        throw IamErrors.noSuchGroupPolicy(group.name, req.PolicyName);
      }
    });
    return {};
  }
}
