import { Inject, Injectable } from '@nestjs/common';
import { DeleteGroupResponse, GroupRequest, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { PoolsService } from '../pools/pools.service';
import { GroupsRepository } from './groups.repository';
import { validateGroupRequest } from './group-requests';

/** DeleteGroup: the group and, by cascade, its memberships. */
@Injectable()
export class DeleteGroupUseCase implements OperationHandler<typeof UserDirectoryOperations.DeleteGroup> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(GroupsRepository) private readonly groups: GroupsRepository,
  ) {}

  async execute(req: GroupRequest): Promise<DeleteGroupResponse> {
    validateGroupRequest(req);
    const pool = await this.pools.require(req.UserPoolId);
    if (!(await this.groups.delete(pool.id, req.GroupName))) throw CognitoErrors.groupNotFound();
    return {};
  }
}
