import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  DeleteIdentitiesRequest,
  DeleteIdentitiesResponse,
  FederationBrokerOperations,
  FederationBrokerTopics,
  IdentityDeletedEvent,
} from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { BrokerErrors } from '../common/broker-errors';
import { RequestValidator } from '../common/validate';
import { IdentitiesRepository } from './identities.repository';

@Injectable()
export class DeleteIdentitiesHandler implements OperationHandler<
  typeof FederationBrokerOperations.DeleteIdentities
> {
  constructor(
    @Inject(IdentitiesRepository) private readonly identities: IdentitiesRepository,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  async execute(req: DeleteIdentitiesRequest, meta: CommandMeta): Promise<DeleteIdentitiesResponse> {
    RequestValidator.of(req).stringList('IdentityIdsToDelete', { required: true, maxItems: 60 }).check();
    if (req.IdentityIdsToDelete.length === 0)
      throw BrokerErrors.invalidParameter('IdentityIdsToDelete is empty.');
    await this.transactions.run(async (tx) => {
      const found = await this.identities.findMany(req.IdentityIdsToDelete, tx);
      for (const identity of found) {
        await this.identities.delete(identity.id, tx);
        const event: IdentityDeletedEvent = {
          identityPoolId: identity.poolId,
          identityId: identity.id,
          occurredAt: new Date().toISOString(),
        };
        await this.outbox.add(tx, {
          topic: FederationBrokerTopics.identityDeleted,
          key: identity.id,
          payload: event,
          correlationId: meta.requestId,
        });
      }
    });
    this.outbox.nudge();
    return { UnprocessedIdentityIds: [] };
  }
}
