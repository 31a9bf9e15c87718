import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  ConfirmDeviceRequest,
  ConfirmDeviceResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
import { Members } from '../common/validate';
import { UserLookup } from '../users/user-lookup';
import { checkDeviceRequest, Devices } from './devices';

/**
 * ConfirmDevice: the signed-in user keeps the device their access token was issued to, with the
 * SRP verifier of its random password (DeviceSecretVerifierConfig) and a name.
 */
@Injectable()
export class ConfirmDeviceUseCase implements OperationHandler<typeof UserDirectoryOperations.ConfirmDevice> {
  constructor(
    @Inject(AccessTokenVerifier) private readonly accessTokens: AccessTokenVerifier,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(Devices) private readonly devices: Devices,
  ) {}

  async execute(req: ConfirmDeviceRequest, meta: CommandMeta): Promise<ConfirmDeviceResponse> {
    checkDeviceRequest(req, (v) =>
      v.string('AccessToken', Members.accessToken).string('DeviceName', { min: 1, max: 1024 }),
    );
    const { user, claims } = await this.accessTokens.verify(req.AccessToken);
    const pool = await this.lookup.requirePool(user.poolId);
    return this.devices.confirm(pool, user, claims.device_key, req, meta.sourceIp);
  }
}
