import { Inject, Injectable } from '@nestjs/common';
import { ListUsersInGroupRequest, ListUsersInGroupResponse, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { decodePageToken, encodePageToken } from '../common/page-token';
import { Members, RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { GroupsRepository } from './groups.repository';
import { toUserType } from '../users/user-type';
import { MAX_PAGE, pageMembers, requireGroup, UUID } from './group-requests';

/** ListUsersInGroup, a page at a time in user order. */
@Injectable()
export class ListUsersInGroupUseCase implements OperationHandler<
  typeof UserDirectoryOperations.ListUsersInGroup
> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(GroupsRepository) private readonly groups: GroupsRepository,
  ) {}

  async execute(req: ListUsersInGroupRequest): Promise<ListUsersInGroupResponse> {
    pageMembers(
      req,
      RequestValidator.of(req)
        .string('UserPoolId', Members.userPoolId)
        .string('GroupName', Members.groupName),
    );
    const pool = await this.pools.require(req.UserPoolId);
    await requireGroup(this.groups, pool.id, req.GroupName);
    const after = decodePageToken(req.NextToken);
    if (after !== undefined && !UUID.test(after))
      throw CognitoErrors.invalidParameter('Invalid pagination token.');
    const { page, next } = await this.groups.pageMembers(
      pool.id,
      req.GroupName,
      after,
      req.Limit || MAX_PAGE,
    );
    return {
      Users: page.map((u) => toUserType(u)),
      ...(next !== undefined ? { NextToken: encodePageToken(next) } : {}),
    };
  }
}
