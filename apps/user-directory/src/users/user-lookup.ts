import { AdminUserRequest } from '@idfed/contracts';
import { EntityManager } from 'typeorm';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, RequestValidator } from '../common/validate';
import { UserEntity, UserPoolEntity } from '../database/entities';
import type { PoolsService } from '../pools/pools.service';
import { PoolConfig } from '../pools/pool-config';

/** How a username is stored for lookups: case-folded unless the pool is case-sensitive. */
export function usernameKey(config: PoolConfig, username: string): string {
  return config.caseSensitive ? username : username.toLowerCase();
}

/** Email and phone aliases are always case-insensitive. */
export function aliasKey(value: string): string {
  return value.toLowerCase();
}

/**
 * Finds a user by what a client calls its username: the username itself or, in pools that sign
 * in with email or phone, that alias. `lock` holds the row for the rest of the transaction.
 */
export async function findUser(
  manager: EntityManager,
  poolId: string,
  config: PoolConfig,
  username: string,
  lock = false,
): Promise<UserEntity | null> {
  const qb = manager
    .createQueryBuilder(UserEntity, 'u')
    .where('u.pool_id = :poolId', { poolId })
    .andWhere('(u.username_key = :key OR u.alias_key = :alias)', {
      key: usernameKey(config, username),
      alias: aliasKey(username),
    });
  if (lock) qb.setLock('pessimistic_write');
  return qb.getOne();
}

/**
 * The pool and the user an Admin* operation names: validated as AWS validates them, then
 * ResourceNotFoundException or UserNotFoundException. With `lock`, the user row is held for the
 * rest of the transaction.
 */
export async function requireAdminUser(
  manager: EntityManager,
  pools: PoolsService,
  req: AdminUserRequest,
  lock = true,
): Promise<{ pool: UserPoolEntity; user: UserEntity }> {
  RequestValidator.of(req)
    .string('UserPoolId', Members.userPoolId)
    .string('Username', Members.username)
    .check();
  const pool = await pools.require(manager, req.UserPoolId);
  const user = await findUser(manager, pool.id, pool.config, req.Username, lock);
  if (!user) throw CognitoErrors.userNotFound();
  return { pool, user };
}

/** The user with this sub, held for the rest of the transaction; UserNotFoundException if gone. */
export async function lockUser(manager: EntityManager, sub: string): Promise<UserEntity> {
  const user = await manager.findOne(UserEntity, { where: { sub }, lock: { mode: 'pessimistic_write' } });
  if (!user) throw CognitoErrors.userNotFound();
  return user;
}
