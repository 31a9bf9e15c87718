import { Inject, Injectable } from '@nestjs/common';
import {
  AdminGroupMembershipRequest,
  AdminRemoveUserFromGroupResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { Members, RequestValidator } from '../common/validate';
import { UserGroupEntity } from '../database/entities';
import { PoolsService } from '../pools/pools.service';
import { requireAdminUser } from '../users/user-lookup';
import { requireGroup } from './group-requests';

/** AdminRemoveUserFromGroup. */
@Injectable()
export class AdminRemoveUserFromGroupUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminRemoveUserFromGroup
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PoolsService) private readonly pools: PoolsService,
  ) {}

  async execute(req: AdminGroupMembershipRequest): Promise<AdminRemoveUserFromGroupResponse> {
    RequestValidator.of(req).string('GroupName', Members.groupName).check();
    const m = this.dataSource.manager;
    const { pool, user } = await requireAdminUser(m, this.pools, req, false);
    await requireGroup(m, pool.id, req.GroupName);
    await m.delete(UserGroupEntity, { poolId: pool.id, groupName: req.GroupName, userSub: user.sub });
    return {};
  }
}
