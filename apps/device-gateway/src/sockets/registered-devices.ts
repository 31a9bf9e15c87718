import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DeviceSyncOperations } from '@idfed/contracts';
import { BusClient } from '@idfed/messaging';
import { AuthenticatedDevice } from '../auth/socket-authenticator';
import { UpgradeRefusal } from '../auth/upgrade-refusal';

/**
 * What a socket's `deviceId` stands for, asked of device sync: a registered device of the
 * socket's identity brings its dataset subscriptions (SubscribeToDataset) to the socket; an id no
 * device has stays a label (sparing the changing device), and so does another identity's device:
 * the upgrade must not tell a stranger which ids are registered. The label only spares pushes
 * within the socket's own identity, so it reaches nobody else's devices.
 */
@Injectable()
export class RegisteredDevices {
  constructor(@Inject(BusClient) private readonly bus: BusClient) {}

  async subscriptionsOf(device: AuthenticatedDevice): Promise<string[]> {
    if (device.deviceId === undefined) return [];
    try {
      const answer = await this.bus.request(
        DeviceSyncOperations.GetDeviceSubscriptions,
        {
          identityPoolId: device.identity.identityPoolId,
          identityId: device.identity.identityId,
          deviceId: device.deviceId,
        },
        { requestId: randomUUID(), caller: { kind: 'anonymous' } },
      );
      return answer.datasets;
    } catch {
      throw new UpgradeRefusal(503, 'The device could not be looked up now; try again.');
    }
  }
}
