import { Inject, Injectable } from '@nestjs/common';
import { ForgetDeviceRequest, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
import { Members } from '../common/validate';
import { checkDeviceRequest, Devices } from './devices';

/**
 * ForgetDevice: the signed-in user forgets one of their devices; the sessions issued to it end, and
 * it signs in as a new device again (MFA included).
 */
@Injectable()
export class ForgetDeviceUseCase implements OperationHandler<typeof UserDirectoryOperations.ForgetDevice> {
  constructor(
    @Inject(AccessTokenVerifier) private readonly accessTokens: AccessTokenVerifier,
    @Inject(Devices) private readonly devices: Devices,
  ) {}

  async execute(req: ForgetDeviceRequest): Promise<Record<string, never>> {
    checkDeviceRequest(req, (v) => v.string('AccessToken', Members.accessToken));
    const user = await this.accessTokens.userOf(req.AccessToken!);
    await this.devices.forget(user, req.DeviceKey);
    return {};
  }
}
