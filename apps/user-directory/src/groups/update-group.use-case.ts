import { Inject, Injectable } from '@nestjs/common';
import { UpdateGroupRequest, UpdateGroupResponse, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { Transactions } from '@idfed/persistence';
import { PoolsService } from '../pools/pools.service';
import { GroupChanges, GroupsRepository } from './groups.repository';
import { toGroupType } from './group-type';
import { groupMembers, requireGroup } from './group-requests';

/** UpdateGroup: changes the members the request names; the others keep their values. */
@Injectable()
export class UpdateGroupUseCase implements OperationHandler<typeof UserDirectoryOperations.UpdateGroup> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(GroupsRepository) private readonly groups: GroupsRepository,
  ) {}

  async execute(req: UpdateGroupRequest): Promise<UpdateGroupResponse> {
    groupMembers(req).check();
    return this.transactions.run(async (tx) => {
      const pool = await this.pools.require(req.UserPoolId, tx);
      const group = await requireGroup(this.groups, pool.id, req.GroupName, tx, true);
      const changes: GroupChanges = { updatedAt: new Date() };
      if (req.Description !== undefined && req.Description !== null) changes.description = req.Description;
      if (req.RoleArn !== undefined && req.RoleArn !== null) changes.roleArn = req.RoleArn;
      if (req.Precedence !== undefined && req.Precedence !== null) changes.precedence = req.Precedence;
      await this.groups.update(pool.id, group.name, changes, tx);
      return { Group: toGroupType({ ...group, ...changes }) };
    });
  }
}
