import { Inject, Injectable } from '@nestjs/common';
import {
  AdminGroupMembershipRequest,
  AdminRemoveUserFromGroupResponse,
  CommandMeta,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { Members, RequestValidator } from '../common/validate';
import { GroupsRepository } from './groups.repository';
import { UserLookup } from '../users/user-lookup';
import { requireGroup } from './group-requests';
import { userGroupsChanged } from './group-events';

/**
 * AdminRemoveUserFromGroup: a `user.groups-changed` event (`removed`) in the transaction that
 * deletes the membership; removing a user who was not a member succeeds and writes none.
 */
@Injectable()
export class AdminRemoveUserFromGroupUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminRemoveUserFromGroup
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(UserLookup) private readonly users: UserLookup,
    @Inject(GroupsRepository) private readonly groups: GroupsRepository,
  ) {}

  async execute(
    req: AdminGroupMembershipRequest,
    meta: CommandMeta,
  ): Promise<AdminRemoveUserFromGroupResponse> {
    RequestValidator.of(req).string('GroupName', Members.groupName).check();
    return this.transactions.run(async (tx) => {
      const { pool, user } = await this.users.requireAdminUser(req, tx, false);
      await requireGroup(this.groups, pool.id, req.GroupName, tx);
      if (await this.groups.removeMember(pool.id, req.GroupName, user.sub, tx)) {
        await this.outbox.add(
          tx,
          userGroupsChanged(pool.id, user, req.GroupName, 'removed', new Date(), meta.requestId),
        );
      }
      return {};
    });
  }
}
