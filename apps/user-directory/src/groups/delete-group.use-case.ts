import { Inject, Injectable } from '@nestjs/common';
import { CommandMeta, DeleteGroupResponse, GroupRequest, UserDirectoryOperations } from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { PoolsService } from '../pools/pools.service';
import { GroupsRepository } from './groups.repository';
import { requireGroup, validateGroupRequest } from './group-requests';
import { groupChanged, userGroupsChanged } from './group-events';

/**
 * DeleteGroup: the group and, by cascade, its memberships. Under the group's row lock (no member
 * can join meanwhile) it writes a `group.changed` event (`deleted`) and, for each member, a
 * `user.groups-changed` event (`removed`), in the transaction of the delete.
 */
@Injectable()
export class DeleteGroupUseCase implements OperationHandler<typeof UserDirectoryOperations.DeleteGroup> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(GroupsRepository) private readonly groups: GroupsRepository,
  ) {}

  async execute(req: GroupRequest, meta: CommandMeta): Promise<DeleteGroupResponse> {
    validateGroupRequest(req);
    return this.transactions.run(async (tx) => {
      const pool = await this.pools.require(req.UserPoolId, tx);
      const group = await requireGroup(this.groups, pool.id, req.GroupName, tx, true);
      const members = await this.groups.members(pool.id, group.name, tx);
      if (!(await this.groups.delete(pool.id, group.name, tx))) throw CognitoErrors.groupNotFound();
      const now = new Date();
      await this.outbox.add(tx, groupChanged(group, 'deleted', now, meta.requestId));
      for (const member of members) {
        await this.outbox.add(
          tx,
          userGroupsChanged(pool.id, member, group.name, 'removed', now, meta.requestId),
        );
      }
      return {};
    });
  }
}
