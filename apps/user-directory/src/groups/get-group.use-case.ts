import { Inject, Injectable } from '@nestjs/common';
import { GetGroupResponse, GroupRequest, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { PoolsService } from '../pools/pools.service';
import { toGroupType } from './group-type';
import { requireGroup, validateGroupRequest } from './group-requests';

/** GetGroup. */
@Injectable()
export class GetGroupUseCase implements OperationHandler<typeof UserDirectoryOperations.GetGroup> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PoolsService) private readonly pools: PoolsService,
  ) {}

  async execute(req: GroupRequest): Promise<GetGroupResponse> {
    validateGroupRequest(req);
    const m = this.dataSource.manager;
    const pool = await this.pools.require(m, req.UserPoolId);
    return { Group: toGroupType(await requireGroup(m, pool.id, req.GroupName)) };
  }
}
