import { Inject, Injectable } from '@nestjs/common';
import {
  AdminAddUserToGroupResponse,
  AdminGroupMembershipRequest,
  CommandMeta,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, RequestValidator } from '../common/validate';
import { GroupsRepository } from './groups.repository';
import { UserLookup } from '../users/user-lookup';
import { requireGroup } from './group-requests';
import { userGroupsChanged } from './group-events';

/**
 * AdminAddUserToGroup: adding a member twice is a no-op, as in Cognito. A new membership writes a
 * `user.groups-changed` event (`added`) in its transaction; a no-op writes none.
 */
@Injectable()
export class AdminAddUserToGroupUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminAddUserToGroup
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(UserLookup) private readonly users: UserLookup,
    @Inject(GroupsRepository) private readonly groups: GroupsRepository,
  ) {}

  async execute(req: AdminGroupMembershipRequest, meta: CommandMeta): Promise<AdminAddUserToGroupResponse> {
    RequestValidator.of(req).string('GroupName', Members.groupName).check();
    return this.transactions.run(async (tx) => {
      const { pool, user } = await this.users.requireAdminUser(req, tx, false);
      await requireGroup(this.groups, pool.id, req.GroupName, tx);
      // The group or the user may go away between the lookups and the insert.
      switch (await this.groups.addMember(pool.id, req.GroupName, user.sub, tx)) {
        case 'added':
          await this.outbox.add(
            tx,
            userGroupsChanged(pool.id, user, req.GroupName, 'added', new Date(), meta.requestId),
          );
          return {};
        case 'member':
          return {};
        case 'user-gone':
          throw CognitoErrors.userNotFound();
        case 'group-gone':
          throw CognitoErrors.groupNotFound();
      }
    });
  }
}
