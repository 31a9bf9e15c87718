import { Inject, Injectable } from '@nestjs/common';
import { DeleteGroupResponse, GroupRequest, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { CognitoErrors } from '../common/cognito-errors';
import { GroupEntity } from '../database/entities';
import { PoolsService } from '../pools/pools.service';
import { validateGroupRequest } from './group-requests';

/** DeleteGroup: the group and, by cascade, its memberships. */
@Injectable()
export class DeleteGroupUseCase implements OperationHandler<typeof UserDirectoryOperations.DeleteGroup> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PoolsService) private readonly pools: PoolsService,
  ) {}

  async execute(req: GroupRequest): Promise<DeleteGroupResponse> {
    validateGroupRequest(req);
    const m = this.dataSource.manager;
    const pool = await this.pools.require(m, req.UserPoolId);
    const result = await m.delete(GroupEntity, { poolId: pool.id, name: req.GroupName });
    if (!result.affected) throw CognitoErrors.groupNotFound();
    return {};
  }
}
