import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  FederationBrokerTopics,
  IdentityDeletedEvent,
  IdentityMergedEvent,
  IdentityPoolDeletedEvent,
  parseMessage,
} from '@idfed/contracts';
import { BusContext, InboxService } from '@idfed/messaging';
import { IdentityData } from './identity-data';

const CONSUMER = 'device-sync.federation-broker';

/**
 * What device sync learns from the federation broker: an identity merged into another (its
 * datasets move to the survivor, reported in MergedDatasetNames), deleted (its datasets go), or an
 * identity pool deleted with all its identities (the pool's datasets go).
 * Each event applies once (inbox), in one transaction with the change and its own events.
 */
@Controller()
export class IdentityEventsConsumer {
  constructor(
    @Inject(InboxService) private readonly inbox: InboxService,
    @Inject(IdentityData) private readonly data: IdentityData,
  ) {}

  @EventPattern(FederationBrokerTopics.identityMerged)
  async merged(@Payload() value: unknown, @Ctx() ctx: BusContext): Promise<void> {
    const event = parseMessage(IdentityMergedEvent, value);
    const correlationId = ctx.getCorrelationId() ?? ctx.getEventId();
    await this.inbox.processOnce(CONSUMER, ctx.getEventId(), async (tx) => {
      await this.data.merge(event.sourceIdentityId, event.identityId, correlationId, tx);
    });
  }

  @EventPattern(FederationBrokerTopics.identityDeleted)
  async deleted(@Payload() value: unknown, @Ctx() ctx: BusContext): Promise<void> {
    const event = parseMessage(IdentityDeletedEvent, value);
    const correlationId = ctx.getCorrelationId() ?? ctx.getEventId();
    await this.inbox.processOnce(CONSUMER, ctx.getEventId(), async (tx) => {
      await this.data.remove(event.identityId, correlationId, tx);
    });
  }

  @EventPattern(FederationBrokerTopics.identityPoolDeleted)
  async poolDeleted(@Payload() value: unknown, @Ctx() ctx: BusContext): Promise<void> {
    const event = parseMessage(IdentityPoolDeletedEvent, value);
    const correlationId = ctx.getCorrelationId() ?? ctx.getEventId();
    await this.inbox.processOnce(CONSUMER, ctx.getEventId(), async (tx) => {
      await this.data.removePool(event.identityPoolId, correlationId, tx);
    });
  }
}
