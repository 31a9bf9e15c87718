import { CommandMeta } from '@idfed/contracts';
import { SyncErrors } from './sync-errors';

/**
 * Operations whose AWS model answers no ResourceNotFoundException: they answer another region's
 * identity as one with no data (`outOfRegion`), as they answer an identity unknown here.
 */
const NO_NOT_FOUND = new Set(['ListDatasets', 'ListRecords']);

/** Whether an identity pool id is of another region than the one the command is for. */
export function outOfRegion(meta: CommandMeta, identityPoolId: string, identityId?: string): boolean {
  if (!meta.region) return false;
  const prefix = `${meta.region}:`;
  return !identityPoolId.startsWith(prefix) || (identityId !== undefined && !identityId.startsWith(prefix));
}

/**
 * A request of one region finds no identity pool of another (ADR 0032): identity pool and identity
 * ids carry their region (`<region>:<uuid>`), and Cognito Sync's endpoints are regional.
 */
export function syncRegionScope(
  payload: Readonly<Record<string, unknown>>,
  region: string,
  operation: string,
): void {
  if (NO_NOT_FOUND.has(operation)) return;
  const prefix = `${region}:`;
  const poolId = payload.IdentityPoolId;
  if (typeof poolId === 'string' && !poolId.startsWith(prefix)) throw SyncErrors.identityPoolNotFound(poolId);
  const identityId = payload.IdentityId;
  if (typeof identityId === 'string' && !identityId.startsWith(prefix)) {
    throw SyncErrors.identityPoolNotFound(typeof poolId === 'string' ? poolId : identityId);
  }
}
