import { Inject, Injectable } from '@nestjs/common';
import { ListGroupsRequest, ListGroupsResponse, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { keysetPage } from '@idfed/persistence';
import { decodePageToken, encodePageToken } from '../common/page-token';
import { Members, RequestValidator } from '../common/validate';
import { GroupEntity } from '../database/entities';
import { PoolsService } from '../pools/pools.service';
import { toGroupType } from './group-type';
import { MAX_PAGE, pageMembers } from './group-requests';

/** ListGroups, a page at a time in name order. */
@Injectable()
export class ListGroupsUseCase implements OperationHandler<typeof UserDirectoryOperations.ListGroups> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PoolsService) private readonly pools: PoolsService,
  ) {}

  async execute(req: ListGroupsRequest): Promise<ListGroupsResponse> {
    pageMembers(req, RequestValidator.of(req).string('UserPoolId', Members.userPoolId));
    const m = this.dataSource.manager;
    const pool = await this.pools.require(m, req.UserPoolId);
    const query = m.createQueryBuilder(GroupEntity, 'g').where('g.pool_id = :poolId', { poolId: pool.id });
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
