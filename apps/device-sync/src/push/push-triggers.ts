import { Inject, Injectable } from '@nestjs/common';
import { DatasetChangedEvent } from '@idfed/contracts';
import { Transaction } from '@idfed/persistence';
import { SyncClock } from '../common/device-sync.config';
import { DevicesRepository } from '../devices/devices.repository';
import { PushDeliveriesRepository } from './push-deliveries.repository';
import { PushProviders } from './push-providers';

/**
 * Turns an accepted change into queued pushes: one per device subscribed to the dataset, except
 * the device that made the change (UpdateRecords' DeviceId), and devices of a platform this
 * deployment has no provider for (ADM; FCM or APNs not configured): nothing could send those.
 * Runs in the inbox's transaction.
 */
@Injectable()
export class PushTriggers {
  constructor(
    @Inject(DevicesRepository) private readonly devices: DevicesRepository,
    @Inject(PushDeliveriesRepository) private readonly deliveries: PushDeliveriesRepository,
    @Inject(PushProviders) private readonly providers: PushProviders,
    @Inject(SyncClock) private readonly clock: SyncClock,
  ) {}

  async queue(eventId: string, event: DatasetChangedEvent, tx: Transaction): Promise<number> {
    const subscribed = await this.devices.subscribersOf(event.identityId, event.datasetName, tx);
    const told = subscribed
      .filter((d) => d.deviceId !== event.deviceId && this.providers.of(d.platform) !== undefined)
      .map((d) => d.deviceId);
    return this.deliveries.enqueue(
      eventId,
      {
        identityPoolId: event.identityPoolId,
        identityId: event.identityId,
        datasetName: event.datasetName,
        syncCount: event.syncCount,
      },
      told,
      this.clock.now(),
      tx,
    );
  }
}
