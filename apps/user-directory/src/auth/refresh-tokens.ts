import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { newRefreshToken } from '../common/ids';
import { RefreshTokenEntity } from '../database/entities';

export function hashRefreshToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/**
 * Refresh tokens are opaque random strings; only their SHA-256 is stored, so a database reader
 * cannot use them. They are not rotated on use (Cognito's default).
 */
export async function storeRefreshToken(
  manager: EntityManager,
  row: Omit<RefreshTokenEntity, 'tokenHash' | 'createdAt' | 'revokedAt'>,
): Promise<string> {
  const token = newRefreshToken();
  await manager.insert(RefreshTokenEntity, {
    ...row,
    tokenHash: hashRefreshToken(token),
    revokedAt: null,
    createdAt: new Date(),
  });
  return token;
}
