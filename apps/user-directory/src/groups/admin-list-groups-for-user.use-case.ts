import { Inject, Injectable } from '@nestjs/common';
import {
  AdminListGroupsForUserRequest,
  AdminListGroupsForUserResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { decodePageToken, encodePageToken } from '../common/page-token';
import { RequestValidator } from '../common/validate';
import { GroupsRepository } from './groups.repository';
import { UserLookup } from '../users/user-lookup';
import { toGroupType } from './group-type';
import { MAX_PAGE, pageMembers } from './group-requests';

/** AdminListGroupsForUser, a page at a time in name order. */
@Injectable()
export class AdminListGroupsForUserUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminListGroupsForUser
> {
  constructor(
    @Inject(UserLookup) private readonly users: UserLookup,
    @Inject(GroupsRepository) private readonly groups: GroupsRepository,
  ) {}

  async execute(req: AdminListGroupsForUserRequest): Promise<AdminListGroupsForUserResponse> {
    pageMembers(req, RequestValidator.of(req));
    const { pool, user } = await this.users.requireAdminUser(req, undefined, false);
    const { page, next } = await this.groups.pageForUser(
      pool.id,
      user.sub,
      decodePageToken(req.NextToken),
      req.Limit || MAX_PAGE,
    );
    return {
      Groups: page.map(toGroupType),
      ...(next !== undefined ? { NextToken: encodePageToken(next) } : {}),
    };
  }
}
