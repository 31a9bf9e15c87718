import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, GroupMemberRequest } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { IamErrors } from '../common/iam-errors';
import { UserLookup } from '../users/user.lookup';
import { MAX_GROUPS_PER_USER, validateGroupName } from './group-requests';
import { GroupLookup } from './group.lookup';
import { GroupsRepository } from './groups.repository';

/**
 * Adds a user to a group (adding a member again is a no-op, as IAM). The group's row, then the
 * user's, stay locked until commit: DeleteGroup and DeleteUser wait, and the user's count of
 * groups (IAM's GroupsPerUser quota, 10) is counted under its lock.
 */
@Injectable()
export class AddUserToGroupHandler implements OperationHandler<
  typeof CredentialVendingOperations.AddUserToGroup
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(GroupLookup) private readonly groupLookup: GroupLookup,
    @Inject(UserLookup) private readonly userLookup: UserLookup,
    @Inject(GroupsRepository) private readonly groups: GroupsRepository,
  ) {}

  async execute(req: GroupMemberRequest): Promise<EmptyResult> {
    validateGroupName(req);
    await this.transactions.run(async (tx) => {
      const group = await this.groupLookup.require(req.GroupName, tx, true);
      const user = await this.userLookup.require(req.UserName, tx, true);
      if (await this.groups.isMember(group.groupId, user.userId, tx)) return;
      if ((await this.groups.groupCountOf(user.userId, tx)) >= MAX_GROUPS_PER_USER) {
        throw IamErrors.limitExceeded('GroupsPerUser', MAX_GROUPS_PER_USER);
      }
      await this.groups.addMember(group.groupId, user.userId, tx);
    });
    return {};
  }
}
