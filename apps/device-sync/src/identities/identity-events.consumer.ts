import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  FederationBrokerTopics,
  IdentityDeletedEvent,
  IdentityMergedEvent,
  parseMessage,
} from '@idfed/contracts';
import { BusContext, InboxService } from '@idfed/messaging';
import { IdentityData } from './identity-data';

const CONSUMER = 'device-sync.federation-broker';

/**
 * What device sync learns from the federation broker: an identity merged into another (its
 * datasets move to the survivor, reported in MergedDatasetNames) or deleted (its datasets go).
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
}
