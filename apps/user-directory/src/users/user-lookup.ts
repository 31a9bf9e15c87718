import { Inject, Injectable } from '@nestjs/common';
import { AdminUserRequest } from '@idfed/contracts';
import { Transaction } from '@idfed/persistence';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, RequestValidator } from '../common/validate';
import { UserEntity, UserPoolEntity } from '../database/entities';
import { PoolsService } from '../pools/pools.service';
import { UsersRepository } from './users.repository';

export { aliasKey, usernameKey } from './user-keys';

/**
 * The user lookups use cases answer Cognito's errors from: the user an Admin* operation names, and
 * the user a token or an earlier read named, held for a read-modify-write.
 */
@Injectable()
export class UserLookup {
  constructor(
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(PoolsService) private readonly pools: PoolsService,
  ) {}

  /**
   * The pool and the user an Admin* operation names: validated as AWS validates them, then
   * ResourceNotFoundException or UserNotFoundException. With `forUpdate` (inside `tx`), the user
   * row is held for the rest of the transaction.
   */
  async requireAdminUser(
    req: AdminUserRequest,
    tx: Transaction = this.pools.manager(),
    forUpdate = true,
  ): Promise<{ pool: UserPoolEntity; user: UserEntity }> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .string('Username', Members.username)
      .check();
    const pool = await this.pools.require(tx, req.UserPoolId);
    const user = await this.users.findByName(pool.id, pool.config, req.Username, tx, forUpdate);
    if (!user) throw CognitoErrors.userNotFound();
    return { pool, user };
  }

  /**
   * The pool a use case works in: ResourceNotFoundException when it does not exist (any more).
   * The pools' own lookup, reached through here so that users/ names it once.
   */
  requirePool(poolId: string, tx: Transaction = this.pools.manager()): Promise<UserPoolEntity> {
    return this.pools.require(tx, poolId);
  }

  /** The user a client names in the pool (by username or alias), or UserNotFoundException. */
  async requireUser(pool: UserPoolEntity, username: string): Promise<UserEntity> {
    const user = await this.users.findByName(pool.id, pool.config, username);
    if (!user) throw CognitoErrors.userNotFound();
    return user;
  }

  /** The user with this sub, held for the rest of the transaction; UserNotFoundException if gone. */
  async lockUser(sub: string, tx: Transaction): Promise<UserEntity> {
    const user = await this.users.findBySub(sub, tx, true);
    if (!user) throw CognitoErrors.userNotFound();
    return user;
  }
}

/** @deprecated Transitional, for the group code until it injects UserLookup. */
export function requireAdminUser(
  manager: Transaction,
  pools: PoolsService,
  req: AdminUserRequest,
  lock = true,
): Promise<{ pool: UserPoolEntity; user: UserEntity }> {
  return new UserLookup(new UsersRepository(manager.connection), pools).requireAdminUser(req, manager, lock);
}
