import { ClientConfig } from '../clients/client-config';

/**
 * Whether a token GetTokensFromRefreshToken replaced (ADR 0074) is still accepted: for the client's
 * RetryGracePeriodSeconds after it was first replaced, so a client that lost the answer can retry.
 */
export function withinRotationGrace(rotatedAt: Date, config: ClientConfig, now: number): boolean {
  const grace = config.refreshTokenRotation?.retryGracePeriodSeconds ?? 0;
  return now <= rotatedAt.getTime() + grace * 1000;
}
