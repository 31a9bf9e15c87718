import { Inject, Injectable } from '@nestjs/common';
import { AdminGetDeviceRequest, GetDeviceResponse, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { UserLookup } from '../users/user-lookup';
import { checkDeviceRequest, Devices } from './devices';

/** AdminGetDevice: one of a user's devices, for an administrator. */
@Injectable()
export class AdminGetDeviceUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminGetDevice
> {
  constructor(
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(Devices) private readonly devices: Devices,
  ) {}

  async execute(req: AdminGetDeviceRequest): Promise<GetDeviceResponse> {
    checkDeviceRequest(req);
    const { user } = await this.lookup.requireAdminUser(req, undefined, false);
    return { Device: await this.devices.get(user, req.DeviceKey) };
  }
}
