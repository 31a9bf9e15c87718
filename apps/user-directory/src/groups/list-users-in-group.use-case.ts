import { Inject, Injectable } from '@nestjs/common';
import { ListUsersInGroupRequest, ListUsersInGroupResponse, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { keysetPage } from '@idfed/persistence';
import { CognitoErrors } from '../common/cognito-errors';
import { decodePageToken, encodePageToken } from '../common/page-token';
import { Members, RequestValidator } from '../common/validate';
import { UserEntity, UserGroupEntity } from '../database/entities';
import { PoolsService } from '../pools/pools.service';
import { toUserType } from '../users/user-type';
import { MAX_PAGE, pageMembers, requireGroup, UUID } from './group-requests';

/** ListUsersInGroup, a page at a time in user order. */
@Injectable()
export class ListUsersInGroupUseCase implements OperationHandler<
  typeof UserDirectoryOperations.ListUsersInGroup
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PoolsService) private readonly pools: PoolsService,
  ) {}

  async execute(req: ListUsersInGroupRequest): Promise<ListUsersInGroupResponse> {
    pageMembers(
      req,
      RequestValidator.of(req)
        .string('UserPoolId', Members.userPoolId)
        .string('GroupName', Members.groupName),
    );
    const m = this.dataSource.manager;
    const pool = await this.pools.require(m, req.UserPoolId);
    await requireGroup(m, pool.id, req.GroupName);
    const after = decodePageToken(req.NextToken);
    if (after !== undefined && !UUID.test(after))
      throw CognitoErrors.invalidParameter('Invalid pagination token.');
    const query = m
      .createQueryBuilder(UserEntity, 'u')
      .innerJoin(UserGroupEntity, 'ug', 'ug.user_sub = u.sub')
      .where('ug.pool_id = :poolId', { poolId: pool.id })
      .andWhere('ug.group_name = :groupName', { groupName: req.GroupName });
    const { page, next } = await keysetPage(query, 'u.sub', after, req.Limit || MAX_PAGE, (u) => u.sub);
    return {
      Users: page.map((u) => toUserType(u)),
      ...(next !== undefined ? { NextToken: encodePageToken(next) } : {}),
    };
  }
}
