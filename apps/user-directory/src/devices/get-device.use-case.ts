import { Inject, Injectable } from '@nestjs/common';
import { GetDeviceRequest, GetDeviceResponse, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
import { Members } from '../common/validate';
import { checkDeviceRequest, Devices } from './devices';

/** GetDevice: one of the signed-in user's devices. */
@Injectable()
export class GetDeviceUseCase implements OperationHandler<typeof UserDirectoryOperations.GetDevice> {
  constructor(
    @Inject(AccessTokenVerifier) private readonly accessTokens: AccessTokenVerifier,
    @Inject(Devices) private readonly devices: Devices,
  ) {}

  async execute(req: GetDeviceRequest): Promise<GetDeviceResponse> {
    checkDeviceRequest(req, (v) => v.string('AccessToken', Members.accessToken));
    const user = await this.accessTokens.userOf(req.AccessToken!);
    return { Device: await this.devices.get(user, req.DeviceKey) };
  }
}
