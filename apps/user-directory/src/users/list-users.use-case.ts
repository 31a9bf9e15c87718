import { Inject, Injectable } from '@nestjs/common';
import { ListUsersRequest, ListUsersResponse, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { CognitoErrors } from '../common/cognito-errors';
import { decodePageToken, encodePageToken } from '../common/page-token';
import { Members, RequestValidator } from '../common/validate';
import { UserEntity } from '../database/entities';
import { PoolConfig } from '../pools/pool-config';
import { PoolsService } from '../pools/pools.service';
import { likePrefix, parseUserFilter, UserFilter } from './list-users-filter';
import { usernameKey } from './user-lookup';
import { toUserType } from './user-type';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The SQL expression a searchable attribute is compared with. */
function columnOf(filter: UserFilter): string {
  switch (filter.attribute) {
    case 'username':
      return 'u.username_key';
    case 'sub':
      return 'u.sub::text';
    case 'cognito:user_status':
      return 'u.status';
    case 'status':
      return `(CASE WHEN u.enabled THEN 'Enabled' ELSE 'Disabled' END)`;
    // Only names of SEARCHABLE_ATTRIBUTES reach the SQL text, each listed here.
    case 'email':
    case 'phone_number':
    case 'name':
    case 'given_name':
    case 'family_name':
    case 'preferred_username':
      return `u.attributes ->> '${filter.attribute}'`;
  }
}

function applyFilter(qb: SelectQueryBuilder<UserEntity>, config: PoolConfig, filter: UserFilter): void {
  // Usernames are stored case-folded in case-insensitive pools; compare the same way.
  const value = filter.attribute === 'username' ? usernameKey(config, filter.value) : filter.value;
  qb.andWhere(`${columnOf(filter)} ${filter.prefix ? 'LIKE' : '='} :value`, {
    value: filter.prefix ? likePrefix(value) : value,
  });
}

/** ListUsers: a page of a pool's users, optionally filtered (`attr = "v"`, `attr ^= "v"`). */
@Injectable()
export class ListUsersUseCase implements OperationHandler<typeof UserDirectoryOperations.ListUsers> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PoolsService) private readonly pools: PoolsService,
  ) {}

  async execute(req: ListUsersRequest): Promise<ListUsersResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .integer('Limit', { min: 0, max: 60 })
      .string('PaginationToken', { min: 1, pattern: /^\S+$/ })
      .string('Filter', { max: 256 })
      .stringList('AttributesToGet')
      .check();
    const pool = await this.pools.require(this.dataSource.manager, req.UserPoolId);
    const filter = parseUserFilter(req.Filter);
    const limit = req.Limit || 60;
    const after = decodePageToken(req.PaginationToken);
    if (after !== undefined && !UUID.test(after))
      throw CognitoErrors.invalidParameter('Invalid pagination token.');
    const qb = this.dataSource.manager
      .createQueryBuilder(UserEntity, 'u')
      .where('u.pool_id = :poolId', { poolId: pool.id });
    if (after) qb.andWhere('u.sub > :after', { after });
    if (filter) applyFilter(qb, pool.config, filter);
    const rows = await qb
      .orderBy('u.sub')
      .limit(limit + 1)
      .getMany();
    const page = rows.slice(0, limit);
    return {
      Users: page.map((u) => toUserType(u, req.AttributesToGet)),
      ...(rows.length > limit ? { PaginationToken: encodePageToken(page[page.length - 1].sub) } : {}),
    };
  }
}
