import { Inject, Injectable } from '@nestjs/common';
import { GetGroupResponse, GroupRequest, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { PoolsService } from '../pools/pools.service';
import { GroupsRepository } from './groups.repository';
import { toGroupType } from './group-type';
import { requireGroup, validateGroupRequest } from './group-requests';

/** GetGroup. */
@Injectable()
export class GetGroupUseCase implements OperationHandler<typeof UserDirectoryOperations.GetGroup> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(GroupsRepository) private readonly groups: GroupsRepository,
  ) {}

  async execute(req: GroupRequest): Promise<GetGroupResponse> {
    validateGroupRequest(req);
    const pool = await this.pools.require(req.UserPoolId);
    return { Group: toGroupType(await requireGroup(this.groups, pool.id, req.GroupName)) };
  }
}
