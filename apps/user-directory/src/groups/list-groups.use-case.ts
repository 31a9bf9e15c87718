import { Inject, Injectable } from '@nestjs/common';
import { ListGroupsRequest, ListGroupsResponse, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { decodePageToken, encodePageToken } from '../common/page-token';
import { Members, RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { GroupsRepository } from './groups.repository';
import { toGroupType } from './group-type';
import { MAX_PAGE, pageMembers } from './group-requests';

/** ListGroups, a page at a time in name order. */
@Injectable()
export class ListGroupsUseCase implements OperationHandler<typeof UserDirectoryOperations.ListGroups> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(GroupsRepository) private readonly groups: GroupsRepository,
  ) {}

  async execute(req: ListGroupsRequest): Promise<ListGroupsResponse> {
    pageMembers(req, RequestValidator.of(req).string('UserPoolId', Members.userPoolId));
    const pool = await this.pools.require(req.UserPoolId);
    const { page, next } = await this.groups.page(
      pool.id,
      decodePageToken(req.NextToken),
      req.Limit || MAX_PAGE,
    );
    return {
      Groups: page.map(toGroupType),
      ...(next !== undefined ? { NextToken: encodePageToken(next) } : {}),
    };
  }
}
