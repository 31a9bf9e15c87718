import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  DeviceSubscriptionChangedEvent,
  DeviceSyncTopics,
  DeviceSyncWire as W,
} from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { DEVICE_SYNC_CONFIG, DeviceSyncConfig, SyncClock } from '../common/device-sync.config';
import { assertMayActOn } from '../common/identity-access';
import { SyncErrors } from '../common/sync-errors';
import { DeviceRow, DevicesRepository } from './devices.repository';

/**
 * Subscribing a device to a dataset of its identity and back (SubscribeToDataset,
 * UnsubscribeFromDataset). The device must be the identity's: another identity's device answers
 * ResourceNotFoundException exactly as a device that does not exist, so device ids cannot be
 * probed. A dataset may be subscribed to before it exists. Each change is announced through the
 * outbox, so the device's open sockets on the device gateway follow it at once.
 */
@Injectable()
export class DeviceSubscriptions {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(DevicesRepository) private readonly devices: DevicesRepository,
    @Inject(DEVICE_SYNC_CONFIG) private readonly config: DeviceSyncConfig,
    @Inject(SyncClock) private readonly clock: SyncClock,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  async subscribe(request: W.DatasetSubscriptionRequest, meta: CommandMeta): Promise<void> {
    assertMayActOn(meta, request.IdentityPoolId, request.IdentityId);
    await this.transactions.run(async (tx) => {
      const device = ownDevice(await this.devices.find(request.DeviceId, tx), request);
      const added = await this.devices.subscribe(device, request.DatasetName, this.clock.now(), tx);
      if (
        added &&
        (await this.devices.countSubscriptions(device.deviceId, tx)) > this.config.maxSubscriptionsPerDevice
      ) {
        throw SyncErrors.invalidParameter(
          `A device may be subscribed to at most ${this.config.maxSubscriptionsPerDevice} datasets.`,
        );
      }
      if (added) await this.announce(device, request.DatasetName, true, meta, tx);
    });
  }

  async unsubscribe(request: W.DatasetSubscriptionRequest, meta: CommandMeta): Promise<void> {
    assertMayActOn(meta, request.IdentityPoolId, request.IdentityId);
    await this.transactions.run(async (tx) => {
      const device = ownDevice(await this.devices.find(request.DeviceId, tx), request);
      if (await this.devices.unsubscribe(device.deviceId, request.DatasetName, tx)) {
        await this.announce(device, request.DatasetName, false, meta, tx);
      }
    });
  }

  private async announce(
    device: DeviceRow,
    datasetName: string,
    subscribed: boolean,
    meta: CommandMeta,
    tx: Transaction,
  ): Promise<void> {
    const event: DeviceSubscriptionChangedEvent = {
      identityPoolId: device.identityPoolId,
      identityId: device.identityId,
      deviceId: device.deviceId,
      datasetName,
      subscribed,
      occurredAt: this.clock.now().toISOString(),
    };
    await this.outbox.add(tx, {
      topic: DeviceSyncTopics.deviceSubscriptionChanged,
      key: device.identityId,
      payload: event,
      correlationId: meta.requestId,
    });
  }
}

function ownDevice(device: DeviceRow | undefined, request: W.DatasetSubscriptionRequest): DeviceRow {
  if (
    !device ||
    device.identityId !== request.IdentityId ||
    device.identityPoolId !== request.IdentityPoolId
  ) {
    throw SyncErrors.deviceNotFound(request.DeviceId);
  }
  return device;
}
