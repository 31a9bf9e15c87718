import { Inject, Injectable } from '@nestjs/common';
import {
  AdminGroupMembershipRequest,
  AdminRemoveUserFromGroupResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { Members, RequestValidator } from '../common/validate';
import { GroupsRepository } from './groups.repository';
import { UserLookup } from '../users/user-lookup';
import { requireGroup } from './group-requests';

/** AdminRemoveUserFromGroup. */
@Injectable()
export class AdminRemoveUserFromGroupUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminRemoveUserFromGroup
> {
  constructor(
    @Inject(UserLookup) private readonly users: UserLookup,
    @Inject(GroupsRepository) private readonly groups: GroupsRepository,
  ) {}

  async execute(req: AdminGroupMembershipRequest): Promise<AdminRemoveUserFromGroupResponse> {
    RequestValidator.of(req).string('GroupName', Members.groupName).check();
    const { pool, user } = await this.users.requireAdminUser(req, undefined, false);
    await requireGroup(this.groups, pool.id, req.GroupName);
    await this.groups.removeMember(pool.id, req.GroupName, user.sub);
    return {};
  }
}
