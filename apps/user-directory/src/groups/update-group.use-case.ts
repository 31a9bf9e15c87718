import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  UpdateGroupRequest,
  UpdateGroupResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { PoolsService } from '../pools/pools.service';
import { GroupChanges, GroupsRepository } from './groups.repository';
import { toGroupType } from './group-type';
import { groupMembers, requireGroup } from './group-requests';
import { groupChanged } from './group-events';

/**
 * UpdateGroup: changes the members the request names; the others keep their values. A
 * `group.changed` event (`updated`) is written with the change when a value differs, none when
 * the request set every member to what it was.
 */
@Injectable()
export class UpdateGroupUseCase implements OperationHandler<typeof UserDirectoryOperations.UpdateGroup> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(GroupsRepository) private readonly groups: GroupsRepository,
  ) {}

  async execute(req: UpdateGroupRequest, meta: CommandMeta): Promise<UpdateGroupResponse> {
    groupMembers(req).check();
    return this.transactions.run(async (tx) => {
      const pool = await this.pools.require(req.UserPoolId, tx);
      const group = await requireGroup(this.groups, pool.id, req.GroupName, tx, true);
      const changes: GroupChanges = { updatedAt: new Date() };
      if (req.Description !== undefined && req.Description !== null) changes.description = req.Description;
      if (req.RoleArn !== undefined && req.RoleArn !== null) changes.roleArn = req.RoleArn;
      if (req.Precedence !== undefined && req.Precedence !== null) changes.precedence = req.Precedence;
      await this.groups.update(pool.id, group.name, changes, tx);
      const updated = { ...group, ...changes };
      const differs =
        updated.description !== group.description ||
        updated.roleArn !== group.roleArn ||
        updated.precedence !== group.precedence;
      if (differs)
        await this.outbox.add(tx, groupChanged(updated, 'updated', changes.updatedAt, meta.requestId));
      return { Group: toGroupType(updated) };
    });
  }
}
