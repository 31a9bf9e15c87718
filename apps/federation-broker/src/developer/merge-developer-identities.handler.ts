import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  FederationBrokerOperations,
  FederationBrokerTopics,
  IdentityMergedEvent,
  MergeDeveloperIdentitiesRequest,
  MergeDeveloperIdentitiesResponse,
} from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { BrokerErrors } from '../common/broker-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { IdentitiesRepository } from '../identities/identities.repository';
import { IdentityPoolLookup } from '../pools/identity-pool.lookup';
import { assertDeveloperProvider } from './developer-provider';

/** Moves every login of the source user's identity to the destination user's identity, then deletes the source. */
@Injectable()
export class MergeDeveloperIdentitiesHandler implements OperationHandler<
  typeof FederationBrokerOperations.MergeDeveloperIdentities
> {
  constructor(
    @Inject(IdentitiesRepository) private readonly identities: IdentitiesRepository,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(IdentityPoolLookup) private readonly pools: IdentityPoolLookup,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  async execute(
    req: MergeDeveloperIdentitiesRequest,
    meta: CommandMeta,
  ): Promise<MergeDeveloperIdentitiesResponse> {
    RequestValidator.of(req)
      .string('IdentityPoolId', { required: true, min: 1, max: 55, pattern: Patterns.identityPoolId })
      .string('SourceUserIdentifier', { required: true, min: 1, max: 1024 })
      .string('DestinationUserIdentifier', { required: true, min: 1, max: 1024 })
      .string('DeveloperProviderName', { required: true, min: 1, max: 128 })
      .check();
    const identityId = await this.transactions.run(async (tx) => {
      const pool = await this.pools.require(req.IdentityPoolId, tx);
      assertDeveloperProvider(pool, req.DeveloperProviderName);
      // Both links are locked at once, in the repository's stable order: locking the source's
      // first let A-into-B and B-into-A each hold one and wait for the other (a deadlock).
      const provider = req.DeveloperProviderName;
      const locked = await this.identities.lockLogins(
        pool.id,
        [
          { provider, subject: req.SourceUserIdentifier },
          { provider, subject: req.DestinationUserIdentifier },
        ],
        tx,
      );
      const source = locked.find((l) => l.subject === req.SourceUserIdentifier);
      const destination = locked.find((l) => l.subject === req.DestinationUserIdentifier);
      if (!source || !destination) throw BrokerErrors.notFound('Developer user identifier not found.');
      if (source.identityId === destination.identityId) return destination.identityId;
      const moved = await this.identities.loginsOf(source.identityId, tx);
      await this.identities.moveLogins(source.identityId, destination.identityId, tx);
      await this.identities.delete(source.identityId, tx);
      await this.identities.touch(destination.identityId, new Date(), tx);
      const event: IdentityMergedEvent = {
        identityPoolId: pool.id,
        identityId: destination.identityId,
        sourceIdentityId: source.identityId,
        movedLogins: moved.map((l) => l.provider),
        occurredAt: new Date().toISOString(),
      };
      await this.outbox.add(tx, {
        topic: FederationBrokerTopics.identityMerged,
        key: destination.identityId,
        payload: event,
        correlationId: meta.requestId,
      });
      return destination.identityId;
    });
    this.outbox.nudge();
    return { IdentityId: identityId };
  }
}
