import { Inject, Injectable } from '@nestjs/common';
import { DeviceSyncOperations, DeviceSyncWire as W } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DevicesRepository } from './devices.repository';

/**
 * For the device gateway (bus only; the gateway verified the socket's identity): the datasets a
 * registered device of that identity is subscribed to, so its socket takes them up. An id no
 * device has is a label (`registered: false`), and so is another identity's device: answering it
 * differently would tell anyone holding guest credentials which device ids exist.
 */
@Injectable()
export class GetDeviceSubscriptionsUseCase implements OperationHandler<
  typeof DeviceSyncOperations.GetDeviceSubscriptions
> {
  constructor(@Inject(DevicesRepository) private readonly devices: DevicesRepository) {}

  async execute(query: W.DeviceSubscriptionsQuery): Promise<W.DeviceSubscriptionsResult> {
    const device = await this.devices.find(query.deviceId);
    const mine =
      device !== undefined &&
      device.identityId === query.identityId &&
      device.identityPoolId === query.identityPoolId;
    if (!mine) return { registered: false, datasets: [] };
    return { registered: true, datasets: await this.devices.subscriptionsOf(device.deviceId) };
  }
}
