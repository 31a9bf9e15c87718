import { BrokerErrors } from './broker-errors';

/**
 * A request of one region finds no identity pool or identity of another (ADR 0032): both ids carry
 * their region (`<region>:<uuid>`), so one named under another region's request is answered as
 * one that does not exist there, which it does not on AWS.
 */
export function identityPoolRegionScope(payload: Readonly<Record<string, unknown>>, region: string): void {
  const prefix = `${region}:`;
  const poolId = payload.IdentityPoolId;
  if (typeof poolId === 'string' && !poolId.startsWith(prefix)) throw BrokerErrors.poolNotFound(poolId);
  const identityId = payload.IdentityId;
  if (typeof identityId === 'string' && !identityId.startsWith(prefix)) {
    throw BrokerErrors.identityNotFound(identityId);
  }
}
