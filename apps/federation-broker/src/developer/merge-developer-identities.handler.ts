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
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { BrokerErrors } from '../common/broker-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { IdentityEntity, IdentityLoginEntity } from '../database/entities';
import { IdentityPoolLookup } from '../pools/identity-pool.lookup';
import { assertDeveloperProvider } from './developer-provider';

/** Moves every login of the source user's identity to the destination user's identity, then deletes the source. */
@Injectable()
export class MergeDeveloperIdentitiesHandler implements OperationHandler<
  typeof FederationBrokerOperations.MergeDeveloperIdentities
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
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
    const identityId = await this.dataSource.transaction(async (m) => {
      const pool = await this.pools.require(req.IdentityPoolId, m);
      assertDeveloperProvider(pool, req.DeveloperProviderName);
      const find = (subject: string) =>
        m.findOne(IdentityLoginEntity, {
          where: { poolId: pool.id, provider: req.DeveloperProviderName, subject },
          lock: { mode: 'pessimistic_write' },
        });
      const [source, destination] = [
        await find(req.SourceUserIdentifier),
        await find(req.DestinationUserIdentifier),
      ];
      if (!source || !destination) throw BrokerErrors.notFound('Developer user identifier not found.');
      if (source.identityId === destination.identityId) return destination.identityId;
      const moved = await m.find(IdentityLoginEntity, { where: { identityId: source.identityId } });
      await m.update(
        IdentityLoginEntity,
        { identityId: source.identityId },
        { identityId: destination.identityId },
      );
      await m.delete(IdentityEntity, { id: source.identityId });
      await m.update(IdentityEntity, { id: destination.identityId }, { updatedAt: new Date() });
      const event: IdentityMergedEvent = {
        identityPoolId: pool.id,
        identityId: destination.identityId,
        sourceIdentityId: source.identityId,
        movedLogins: moved.map((l) => l.provider),
        occurredAt: new Date().toISOString(),
      };
      await this.outbox.add(m, {
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
