import { Inject, Injectable } from '@nestjs/common';
import {
  AdminAddUserToGroupResponse,
  AdminGroupMembershipRequest,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, RequestValidator } from '../common/validate';
import { UserGroupEntity } from '../database/entities';
import { PoolsService } from '../pools/pools.service';
import { requireAdminUser } from '../users/user-lookup';
import { isForeignKeyViolation } from '@idfed/persistence';
import { missingUser, requireGroup } from './group-requests';

/** AdminAddUserToGroup: adding a member twice is a no-op, as in Cognito. */
@Injectable()
export class AdminAddUserToGroupUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminAddUserToGroup
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PoolsService) private readonly pools: PoolsService,
  ) {}

  async execute(req: AdminGroupMembershipRequest): Promise<AdminAddUserToGroupResponse> {
    RequestValidator.of(req).string('GroupName', Members.groupName).check();
    const m = this.dataSource.manager;
    const { pool, user } = await requireAdminUser(m, this.pools, req, false);
    await requireGroup(m, pool.id, req.GroupName);
    try {
      await m
        .createQueryBuilder()
        .insert()
        .into(UserGroupEntity)
        .values({ poolId: pool.id, groupName: req.GroupName, userSub: user.sub, createdAt: new Date() })
        .orIgnore()
        .execute();
    } catch (err) {
      // The group or the user went away between the lookups and the insert.
      if (isForeignKeyViolation(err))
        throw missingUser(err) ? CognitoErrors.userNotFound() : CognitoErrors.groupNotFound();
      throw err;
    }
    return {};
  }
}
