import { Inject, Injectable } from '@nestjs/common';
import {
  AdminAddUserToGroupResponse,
  AdminGroupMembershipRequest,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, RequestValidator } from '../common/validate';
import { GroupsRepository } from './groups.repository';
import { UserLookup } from '../users/user-lookup';
import { requireGroup } from './group-requests';

/** AdminAddUserToGroup: adding a member twice is a no-op, as in Cognito. */
@Injectable()
export class AdminAddUserToGroupUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminAddUserToGroup
> {
  constructor(
    @Inject(UserLookup) private readonly users: UserLookup,
    @Inject(GroupsRepository) private readonly groups: GroupsRepository,
  ) {}

  async execute(req: AdminGroupMembershipRequest): Promise<AdminAddUserToGroupResponse> {
    RequestValidator.of(req).string('GroupName', Members.groupName).check();
    const { pool, user } = await this.users.requireAdminUser(req, undefined, false);
    await requireGroup(this.groups, pool.id, req.GroupName);
    // The group or the user may go away between the lookups and the insert.
    switch (await this.groups.addMember(pool.id, req.GroupName, user.sub)) {
      case 'member':
        return {};
      case 'user-gone':
        throw CognitoErrors.userNotFound();
      case 'group-gone':
        throw CognitoErrors.groupNotFound();
    }
  }
}
