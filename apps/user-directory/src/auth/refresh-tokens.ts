import { createHash } from 'node:crypto';
import { newRefreshToken } from '../common/ids';
import { RefreshTokenEntity } from '../database/entities';

export function hashRefreshToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/**
 * A new refresh token and the row that stores it. Refresh tokens are opaque random strings; only
 * their SHA-256 is stored, so a database reader cannot use them. They are not rotated on use
 * (Cognito's default).
 */
export function newRefreshTokenRow(row: Omit<RefreshTokenEntity, 'tokenHash' | 'createdAt' | 'revokedAt'>): {
  token: string;
  row: RefreshTokenEntity;
} {
  const token = newRefreshToken();
  return {
    token,
    row: { ...row, tokenHash: hashRefreshToken(token), revokedAt: null, createdAt: new Date() },
  };
}
