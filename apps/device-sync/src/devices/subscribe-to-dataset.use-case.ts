import { Inject, Injectable } from '@nestjs/common';
import { CommandMeta, DeviceSyncOperations, DeviceSyncWire as W } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DeviceSubscriptions } from './device-subscriptions';

/** SubscribeToDataset: the identity's device is told of every accepted change of the dataset. */
@Injectable()
export class SubscribeToDatasetUseCase implements OperationHandler<
  typeof DeviceSyncOperations.SubscribeToDataset
> {
  constructor(@Inject(DeviceSubscriptions) private readonly subscriptions: DeviceSubscriptions) {}

  async execute(
    request: W.DatasetSubscriptionRequest,
    meta: CommandMeta,
  ): Promise<W.DatasetSubscriptionResponse> {
    await this.subscriptions.subscribe(request, meta);
    return {};
  }
}
