import { Inject, Injectable } from '@nestjs/common';
import { CommandMeta, FederationBrokerOperations } from '@idfed/contracts';
import { BusClient, CommandFailedError } from '@idfed/messaging';
import { SyncErrors } from '../common/sync-errors';

/**
 * Whether an identity pool exists, asked of the federation broker (which owns pools) with the
 * caller's own credentials: device sync keeps no copy of the pools, and a pool's configuration
 * may only be set or read for a pool that exists.
 */
@Injectable()
export class IdentityPools {
  constructor(@Inject(BusClient) private readonly bus: BusClient) {}

  async assertExists(identityPoolId: string, meta: CommandMeta): Promise<void> {
    try {
      await this.bus.request(
        FederationBrokerOperations.DescribeIdentityPool,
        { IdentityPoolId: identityPoolId },
        meta,
      );
    } catch (err) {
      if (err instanceof CommandFailedError && err.error.name === 'ResourceNotFoundException') {
        throw SyncErrors.identityPoolNotFound(identityPoolId);
      }
      throw err;
    }
  }
}
