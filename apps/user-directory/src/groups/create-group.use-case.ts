import { Inject, Injectable } from '@nestjs/common';
import { CreateGroupRequest, CreateGroupResponse, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { GroupEntity } from '../database/entities';
import { PoolsService } from '../pools/pools.service';
import { GroupsRepository } from './groups.repository';
import { toGroupType } from './group-type';
import { groupMembers } from './group-requests';

/** CreateGroup: a group of a user pool; group names are case-sensitive. */
@Injectable()
export class CreateGroupUseCase implements OperationHandler<typeof UserDirectoryOperations.CreateGroup> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(GroupsRepository) private readonly groups: GroupsRepository,
  ) {}

  async execute(req: CreateGroupRequest): Promise<CreateGroupResponse> {
    groupMembers(req).check();
    const pool = await this.pools.require(req.UserPoolId);
    const now = new Date();
    const group: GroupEntity = {
      poolId: pool.id,
      name: req.GroupName,
      description: req.Description ?? null,
      roleArn: req.RoleArn ?? null,
      precedence: req.Precedence ?? null,
      createdAt: now,
      updatedAt: now,
    };
    switch (await this.groups.insert(group)) {
      case 'created':
        break;
      case 'exists':
        throw CognitoErrors.groupExists(req.GroupName);
      case 'pool-gone':
        throw CognitoErrors.poolNotFound(req.UserPoolId);
    }
    return { Group: toGroupType(group) };
  }
}
