import { Inject, Injectable } from '@nestjs/common';
import { AdminListDevicesRequest, ListDevicesResponse, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { RequestValidator } from '../common/validate';
import { UserLookup } from '../users/user-lookup';
import { Devices } from './devices';

/** AdminListDevices: a user's confirmed devices, for an administrator. */
@Injectable()
export class AdminListDevicesUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminListDevices
> {
  constructor(
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(Devices) private readonly devices: Devices,
  ) {}

  async execute(req: AdminListDevicesRequest): Promise<ListDevicesResponse> {
    RequestValidator.of(req)
      .integer('Limit', { min: 0, max: 60 })
      .string('PaginationToken', { min: 1, pattern: /^\S+$/ })
      .check();
    const { user } = await this.lookup.requireAdminUser(req, undefined, false);
    return this.devices.list(user, req.Limit, req.PaginationToken);
  }
}
