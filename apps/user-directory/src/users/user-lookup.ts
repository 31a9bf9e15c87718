import { EntityManager } from 'typeorm';
import { UserEntity } from '../database/entities';
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
