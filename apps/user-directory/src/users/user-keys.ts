import { PoolConfig } from '../pools/pool-config';

/** How a username is stored for lookups: case-folded unless the pool is case-sensitive. */
export function usernameKey(config: PoolConfig, username: string): string {
  return config.caseSensitive ? username : username.toLowerCase();
}

/** Email and phone aliases are always case-insensitive. */
export function aliasKey(value: string): string {
  return value.toLowerCase();
}
