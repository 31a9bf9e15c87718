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
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { BrokerErrors } from '../common/broker-errors';
import { RequestValidator } from '../common/validate';
import { IdentityEntity } from '../database/entities';

@Injectable()
export class DeleteIdentitiesHandler implements OperationHandler<
  typeof FederationBrokerOperations.DeleteIdentities
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  async execute(req: DeleteIdentitiesRequest, meta: CommandMeta): Promise<DeleteIdentitiesResponse> {
    RequestValidator.of(req).stringList('IdentityIdsToDelete', { required: true, maxItems: 60 }).check();
    if (req.IdentityIdsToDelete.length === 0)
      throw BrokerErrors.invalidParameter('IdentityIdsToDelete is empty.');
    await this.dataSource.transaction(async (m) => {
      const found = await m.findBy(
        IdentityEntity,
        req.IdentityIdsToDelete.map((id) => ({ id })),
      );
      for (const identity of found) {
        await m.delete(IdentityEntity, { id: identity.id });
        const event: IdentityDeletedEvent = {
          identityPoolId: identity.poolId,
          identityId: identity.id,
          occurredAt: new Date().toISOString(),
        };
        await this.outbox.add(m, {
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
