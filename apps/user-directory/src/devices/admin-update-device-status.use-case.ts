import { Inject, Injectable } from '@nestjs/common';
import { AdminUpdateDeviceStatusRequest, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { UserLookup } from '../users/user-lookup';
import { checkDeviceRequest, Devices } from './devices';

const STATUSES = ['remembered', 'not_remembered'] as const;

/** AdminUpdateDeviceStatus: an administrator marks a user's device remembered or not. */
@Injectable()
export class AdminUpdateDeviceStatusUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminUpdateDeviceStatus
> {
  constructor(
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(Devices) private readonly devices: Devices,
  ) {}

  async execute(req: AdminUpdateDeviceStatusRequest): Promise<Record<string, never>> {
    checkDeviceRequest(req, (v) => v.oneOf('DeviceRememberedStatus', STATUSES, true));
    const { user } = await this.lookup.requireAdminUser(req, undefined, false);
    await this.devices.setStatus(user, req.DeviceKey, req.DeviceRememberedStatus);
    return {};
  }
}
