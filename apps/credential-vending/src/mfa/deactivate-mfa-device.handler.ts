import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  CredentialVendingOperations,
  DeactivateMFADeviceRequest,
  EmptyResult,
} from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { validateUserName } from '../users/user-requests';
import { MfaErrors } from './mfa-errors';
import { MfaDevicesRepository } from './mfa-devices.repository';
import { validateSerialNumber, VirtualMfaDevices } from './virtual-mfa-devices';

/**
 * IAM DeactivateMFADevice (ADR 0072): unassigns the device from the user (named, or the caller);
 * the virtual device stays, unassigned, until DeleteVirtualMFADevice. Sessions already issued with
 * it stay valid until they expire, as on AWS. A device that is not the user's is NoSuchEntity,
 * the same answer as one that does not exist.
 */
@Injectable()
export class DeactivateMFADeviceHandler implements OperationHandler<
  typeof CredentialVendingOperations.DeactivateMFADevice
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(MfaDevicesRepository) private readonly devices: MfaDevicesRepository,
    @Inject(VirtualMfaDevices) private readonly mfa: VirtualMfaDevices,
  ) {}

  async execute(req: DeactivateMFADeviceRequest, meta: CommandMeta): Promise<EmptyResult> {
    validateUserName(req, 'UserName', false);
    validateSerialNumber(req);
    await this.transactions.run(async (tx) => {
      const user = await this.mfa.userOf(req.UserName, meta.caller, tx, true);
      if (!user || !(await this.devices.deactivate(req.SerialNumber, user.userId, tx))) {
        throw MfaErrors.noSuchDevice(req.SerialNumber);
      }
    });
    return {};
  }
}
