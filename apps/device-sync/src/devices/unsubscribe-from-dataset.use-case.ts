import { Inject, Injectable } from '@nestjs/common';
import { CommandMeta, DeviceSyncOperations, DeviceSyncWire as W } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DeviceSubscriptions } from './device-subscriptions';

/** UnsubscribeFromDataset: the device is no longer told of the dataset's changes (idempotent). */
@Injectable()
export class UnsubscribeFromDatasetUseCase implements OperationHandler<
  typeof DeviceSyncOperations.UnsubscribeFromDataset
> {
  constructor(@Inject(DeviceSubscriptions) private readonly subscriptions: DeviceSubscriptions) {}

  async execute(
    request: W.DatasetSubscriptionRequest,
    meta: CommandMeta,
  ): Promise<W.DatasetSubscriptionResponse> {
    await this.subscriptions.unsubscribe(request, meta);
    return {};
  }
}
