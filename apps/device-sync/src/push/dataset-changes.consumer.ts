import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DatasetChangedEvent, DeviceSyncTopics, parseMessage } from '@idfed/contracts';
import { BusContext, InboxService } from '@idfed/messaging';
import { PushDeliveryWorker } from './push-delivery.worker';
import { PushTriggers } from './push-triggers';

const CONSUMER = 'device-sync.push';

/**
 * Device sync reads its own dataset-changed events (relayed from its outbox after the change
 * committed) and queues the pushes to subscribed devices, once per event (inbox).
 */
@Controller()
export class DatasetChangesConsumer {
  constructor(
    @Inject(InboxService) private readonly inbox: InboxService,
    @Inject(PushTriggers) private readonly triggers: PushTriggers,
    @Inject(PushDeliveryWorker) private readonly worker: PushDeliveryWorker,
  ) {}

  @EventPattern(DeviceSyncTopics.datasetChanged)
  async changed(@Payload() value: unknown, @Ctx() ctx: BusContext): Promise<void> {
    const event = parseMessage(DatasetChangedEvent, value);
    let queued = 0;
    await this.inbox.processOnce(CONSUMER, ctx.getEventId(), async (tx) => {
      queued = await this.triggers.queue(ctx.getEventId(), event, tx);
    });
    if (queued > 0) this.worker.wake();
  }
}
