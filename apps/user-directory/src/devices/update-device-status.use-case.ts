import { Inject, Injectable } from '@nestjs/common';
import { UpdateDeviceStatusRequest, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
import { Members } from '../common/validate';
import { checkDeviceRequest, Devices } from './devices';

const STATUSES = ['remembered', 'not_remembered'] as const;

/** UpdateDeviceStatus: the signed-in user marks one of their devices remembered or not. */
@Injectable()
export class UpdateDeviceStatusUseCase implements OperationHandler<
  typeof UserDirectoryOperations.UpdateDeviceStatus
> {
  constructor(
    @Inject(AccessTokenVerifier) private readonly accessTokens: AccessTokenVerifier,
    @Inject(Devices) private readonly devices: Devices,
  ) {}

  async execute(req: UpdateDeviceStatusRequest): Promise<Record<string, never>> {
    checkDeviceRequest(req, (v) =>
      v.string('AccessToken', Members.accessToken).oneOf('DeviceRememberedStatus', STATUSES, true),
    );
    const user = await this.accessTokens.userOf(req.AccessToken);
    await this.devices.setStatus(user, req.DeviceKey, req.DeviceRememberedStatus);
    return {};
  }
}
