import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  CredentialVendingOperations,
  GetMFADeviceRequest,
  GetMFADeviceResult,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { awsTimestamp } from '../common/timestamps';
import { validateUserName } from '../users/user-requests';
import { MfaErrors } from './mfa-errors';
import { validateSerialNumber, VirtualMfaDevices } from './virtual-mfa-devices';

/**
 * IAM GetMFADevice (ADR 0072): the device assigned to the user named (or the caller). AWS
 * documents it for FIDO security keys; idfed has only virtual devices and answers for them.
 */
@Injectable()
export class GetMFADeviceHandler implements OperationHandler<
  typeof CredentialVendingOperations.GetMFADevice
> {
  constructor(@Inject(VirtualMfaDevices) private readonly mfa: VirtualMfaDevices) {}

  async execute(req: GetMFADeviceRequest, meta: CommandMeta): Promise<GetMFADeviceResult> {
    validateUserName(req, 'UserName', false);
    validateSerialNumber(req);
    const user = await this.mfa.userOf(req.UserName, meta.caller);
    if (!user) throw MfaErrors.noSuchDevice(req.SerialNumber);
    const device = await this.mfa.requireAssigned(req.SerialNumber, user);
    return {
      UserName: user.name,
      SerialNumber: device.serialNumber,
      EnableDate: awsTimestamp(device.enabledAt!),
    };
  }
}
