import { Inject, Injectable } from '@nestjs/common';
import { DeviceSyncOperations, DeviceSyncWire as W } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { SyncErrors } from '../common/sync-errors';
import { DevicesRepository } from './devices.repository';

/**
 * For the device gateway (bus only; the gateway verified the socket's identity): the datasets a
 * registered device of that identity is subscribed to, so its socket takes them up. An id no
 * device has is a label (`registered: false`); another identity's device is refused.
 */
@Injectable()
export class GetDeviceSubscriptionsUseCase implements OperationHandler<
  typeof DeviceSyncOperations.GetDeviceSubscriptions
> {
  constructor(@Inject(DevicesRepository) private readonly devices: DevicesRepository) {}

  async execute(query: W.DeviceSubscriptionsQuery): Promise<W.DeviceSubscriptionsResult> {
    const device = await this.devices.find(query.deviceId);
    if (!device) return { registered: false, datasets: [] };
    if (device.identityId !== query.identityId || device.identityPoolId !== query.identityPoolId) {
      throw SyncErrors.notAuthorized(`Device ${query.deviceId} is registered to another identity.`);
    }
    return { registered: true, datasets: await this.devices.subscriptionsOf(device.deviceId) };
  }
}
