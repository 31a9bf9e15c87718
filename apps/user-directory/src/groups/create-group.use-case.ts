import { Inject, Injectable } from '@nestjs/common';
import { CreateGroupRequest, CreateGroupResponse, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { CognitoErrors } from '../common/cognito-errors';
import { isUniqueViolation } from '@idfed/persistence';
import { GroupEntity } from '../database/entities';
import { PoolsService } from '../pools/pools.service';
import { toGroupType } from './group-type';
import { isForeignKeyViolation } from '@idfed/persistence';
import { groupMembers } from './group-requests';

/** CreateGroup: a group of a user pool; group names are case-sensitive. */
@Injectable()
export class CreateGroupUseCase implements OperationHandler<typeof UserDirectoryOperations.CreateGroup> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PoolsService) private readonly pools: PoolsService,
  ) {}

  async execute(req: CreateGroupRequest): Promise<CreateGroupResponse> {
    groupMembers(req).check();
    const m = this.dataSource.manager;
    const pool = await this.pools.require(m, req.UserPoolId);
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
    try {
      await m.insert(GroupEntity, group);
    } catch (err) {
      if (isUniqueViolation(err)) throw CognitoErrors.groupExists(req.GroupName);
      if (isForeignKeyViolation(err)) throw CognitoErrors.poolNotFound(req.UserPoolId);
      throw err;
    }
    return { Group: toGroupType(group) };
  }
}
