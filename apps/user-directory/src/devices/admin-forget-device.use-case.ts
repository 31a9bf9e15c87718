import { Inject, Injectable } from '@nestjs/common';
import { AdminForgetDeviceRequest, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { UserLookup } from '../users/user-lookup';
import { checkDeviceRequest, Devices } from './devices';

/** AdminForgetDevice: an administrator forgets a user's device and ends its sessions. */
@Injectable()
export class AdminForgetDeviceUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminForgetDevice
> {
  constructor(
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(Devices) private readonly devices: Devices,
  ) {}

  async execute(req: AdminForgetDeviceRequest): Promise<Record<string, never>> {
    checkDeviceRequest(req);
    const { user } = await this.lookup.requireAdminUser(req, undefined, false);
    await this.devices.forget(user, req.DeviceKey);
    return {};
  }
}
