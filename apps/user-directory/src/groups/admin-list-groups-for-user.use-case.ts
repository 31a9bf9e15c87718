import { Inject, Injectable } from '@nestjs/common';
import {
  AdminListGroupsForUserRequest,
  AdminListGroupsForUserResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { keysetPage } from '@idfed/persistence';
import { decodePageToken, encodePageToken } from '../common/page-token';
import { RequestValidator } from '../common/validate';
import { GroupEntity, UserGroupEntity } from '../database/entities';
import { PoolsService } from '../pools/pools.service';
import { requireAdminUser } from '../users/user-lookup';
import { toGroupType } from './group-type';
import { MAX_PAGE, pageMembers } from './group-requests';

/** AdminListGroupsForUser, a page at a time in name order. */
@Injectable()
export class AdminListGroupsForUserUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminListGroupsForUser
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PoolsService) private readonly pools: PoolsService,
  ) {}

  async execute(req: AdminListGroupsForUserRequest): Promise<AdminListGroupsForUserResponse> {
    pageMembers(req, RequestValidator.of(req));
    const m = this.dataSource.manager;
    const { pool, user } = await requireAdminUser(m, this.pools, req, false);
    const query = m
      .createQueryBuilder(GroupEntity, 'g')
      .innerJoin(UserGroupEntity, 'ug', 'ug.pool_id = g.pool_id AND ug.group_name = g.name')
      .where('g.pool_id = :poolId', { poolId: pool.id })
      .andWhere('ug.user_sub = :sub', { sub: user.sub });
    const { page, next } = await keysetPage(
      query,
      'g.name',
      decodePageToken(req.NextToken),
      req.Limit || MAX_PAGE,
      (g) => g.name,
    );
    return {
      Groups: page.map(toGroupType),
      ...(next !== undefined ? { NextToken: encodePageToken(next) } : {}),
    };
  }
}
