import { Inject, Injectable } from '@nestjs/common';
import { UpdateGroupRequest, UpdateGroupResponse, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { GroupEntity } from '../database/entities';
import { PoolsService } from '../pools/pools.service';
import { toGroupType } from './group-type';
import { groupMembers, requireGroup } from './group-requests';

/** UpdateGroup: changes the members the request names; the others keep their values. */
@Injectable()
export class UpdateGroupUseCase implements OperationHandler<typeof UserDirectoryOperations.UpdateGroup> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PoolsService) private readonly pools: PoolsService,
  ) {}

  async execute(req: UpdateGroupRequest): Promise<UpdateGroupResponse> {
    groupMembers(req).check();
    return this.dataSource.transaction(async (m) => {
      const pool = await this.pools.require(m, req.UserPoolId);
      const group = await requireGroup(m, pool.id, req.GroupName, true);
      const changes: Partial<GroupEntity> = { updatedAt: new Date() };
      if (req.Description !== undefined && req.Description !== null) changes.description = req.Description;
      if (req.RoleArn !== undefined && req.RoleArn !== null) changes.roleArn = req.RoleArn;
      if (req.Precedence !== undefined && req.Precedence !== null) changes.precedence = req.Precedence;
      await m.update(GroupEntity, { poolId: pool.id, name: group.name }, changes);
      return { Group: toGroupType({ ...group, ...changes }) };
    });
  }
}
