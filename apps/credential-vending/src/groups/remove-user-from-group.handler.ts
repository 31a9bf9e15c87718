import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, GroupMemberRequest } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { UserLookup } from '../users/user.lookup';
import { validateGroupName } from './group-requests';
import { GroupLookup } from './group.lookup';
import { GroupsRepository } from './groups.repository';

/** Removes a user from a group; a user that is not a member is NoSuchEntity, as IAM answers. */
@Injectable()
export class RemoveUserFromGroupHandler implements OperationHandler<
  typeof CredentialVendingOperations.RemoveUserFromGroup
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
      if (!(await this.groups.removeMember(group.groupId, user.userId, tx))) {
        throw new ServiceError(
          'NoSuchEntity',
          `The user with name ${user.name} cannot be found in group ${group.name}.`,
        );
      }
    });
    return {};
  }
}
