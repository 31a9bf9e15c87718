import { Inject, Injectable } from '@nestjs/common';
import { ListDevicesRequest, ListDevicesResponse, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
import { Members, RequestValidator } from '../common/validate';
import { Devices } from './devices';

/** ListDevices: the signed-in user's confirmed devices, oldest first, a page at a time. */
@Injectable()
export class ListDevicesUseCase implements OperationHandler<typeof UserDirectoryOperations.ListDevices> {
  constructor(
    @Inject(AccessTokenVerifier) private readonly accessTokens: AccessTokenVerifier,
    @Inject(Devices) private readonly devices: Devices,
  ) {}

  async execute(req: ListDevicesRequest): Promise<ListDevicesResponse> {
    RequestValidator.of(req)
      .string('AccessToken', Members.accessToken)
      .integer('Limit', { min: 0, max: 60 })
      .string('PaginationToken', { min: 1, pattern: /^\S+$/ })
      .check();
    const user = await this.accessTokens.userOf(req.AccessToken);
    return this.devices.list(user, req.Limit, req.PaginationToken);
  }
}
