import { Inject, Injectable } from '@nestjs/common';
import { ListUsersRequest, ListUsersResponse, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { decodePageToken, encodePageToken } from '../common/page-token';
import { Members, RequestValidator } from '../common/validate';
import { parseUserFilter } from './list-users-filter';
import { usernameKey } from './user-keys';
import { UserLookup } from './user-lookup';
import { UsersRepository } from './users.repository';
import { toUserType } from './user-type';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** ListUsers: a page of a pool's users, optionally filtered (`attr = "v"`, `attr ^= "v"`). */
@Injectable()
export class ListUsersUseCase implements OperationHandler<typeof UserDirectoryOperations.ListUsers> {
  constructor(
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(UserLookup) private readonly lookup: UserLookup,
  ) {}

  async execute(req: ListUsersRequest): Promise<ListUsersResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .integer('Limit', { min: 0, max: 60 })
      .string('PaginationToken', { min: 1, pattern: /^\S+$/ })
      .string('Filter', { max: 256 })
      .stringList('AttributesToGet')
      .check();
    const pool = await this.lookup.requirePool(req.UserPoolId);
    const filter = parseUserFilter(req.Filter);
    const limit = req.Limit || 60;
    const after = decodePageToken(req.PaginationToken);
    if (after !== undefined && !UUID.test(after))
      throw CognitoErrors.invalidParameter('Invalid pagination token.');
    // Usernames are stored case-folded in case-insensitive pools; compare the same way.
    const search =
      filter?.attribute === 'username'
        ? { ...filter, value: usernameKey(pool.config, filter.value) }
        : filter;
    const { page, next } = await this.users.page(pool.id, search, after, limit);
    return {
      Users: page.map((u) => toUserType(u, req.AttributesToGet)),
      ...(next ? { PaginationToken: encodePageToken(next) } : {}),
    };
  }
}
