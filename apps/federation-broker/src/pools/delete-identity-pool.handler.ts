import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  FederationBrokerOperations,
  FederationBrokerTopics,
  IdentityPoolDeletedEvent,
  IdentityPoolIdRequest,
} from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { IdentityPoolLookup } from './identity-pool.lookup';
import { IdentityPoolsRepository } from './identity-pools.repository';

/**
 * Deletes the pool with its identities and logins (cascade), and announces it in the same
 * transaction: one `identity-pool.deleted` event, not one `identity.deleted` per identity, so a
 * pool of any size is one event; device sync drops the pool's data on it.
 */
@Injectable()
export class DeleteIdentityPoolHandler implements OperationHandler<
  typeof FederationBrokerOperations.DeleteIdentityPool
> {
  constructor(
    @Inject(IdentityPoolsRepository) private readonly repository: IdentityPoolsRepository,
    @Inject(IdentityPoolLookup) private readonly pools: IdentityPoolLookup,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  async execute(req: IdentityPoolIdRequest, meta: CommandMeta): Promise<Record<string, never>> {
    const poolId = req?.IdentityPoolId;
    await this.transactions.run(async (tx) => {
      await this.pools.require(poolId, tx, true);
      await this.repository.delete(poolId, tx);
      const event: IdentityPoolDeletedEvent = {
        identityPoolId: poolId,
        occurredAt: new Date().toISOString(),
      };
      await this.outbox.add(tx, {
        topic: FederationBrokerTopics.identityPoolDeleted,
        key: poolId,
        payload: event,
        correlationId: meta.requestId,
      });
    });
    return {};
  }
}
