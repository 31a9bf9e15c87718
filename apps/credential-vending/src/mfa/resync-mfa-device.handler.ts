import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, MFADeviceCodesRequest } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { validateUserName } from '../users/user-requests';
import { UserLookup } from '../users/user.lookup';
import { MfaErrors } from './mfa-errors';
import { MfaDevicesRepository } from './mfa-devices.repository';
import {
  RESYNC_WINDOW_STEPS,
  validateCodes,
  validateSerialNumber,
  VirtualMfaDevices,
} from './virtual-mfa-devices';

/**
 * IAM ResyncMFADevice (ADR 0072): two consecutive codes of the user's device, searched ten minutes
 * either side of now, say how far its clock has drifted; later codes are checked at that offset.
 * The codes' steps are used up, so a resync cannot be replayed.
 */
@Injectable()
export class ResyncMFADeviceHandler implements OperationHandler<
  typeof CredentialVendingOperations.ResyncMFADevice
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(MfaDevicesRepository) private readonly devices: MfaDevicesRepository,
    @Inject(VirtualMfaDevices) private readonly mfa: VirtualMfaDevices,
  ) {}

  async execute(req: MFADeviceCodesRequest): Promise<EmptyResult> {
    validateUserName(req);
    validateSerialNumber(req);
    validateCodes(req);
    // Wrong codes are counted per device, before the checks (ADR 0084): outside the transaction.
    await this.mfa.counted(req.SerialNumber, MfaErrors.invalidCode, () =>
      this.transactions.run(async (tx) => {
        const user = await this.lookup.require(req.UserName, tx, true);
        const device = await this.mfa.requireAssigned(req.SerialNumber, user, tx, true);
        const step = this.mfa.consecutiveStep(
          device,
          req.AuthenticationCode1,
          req.AuthenticationCode2,
          RESYNC_WINDOW_STEPS,
        );
        if (step === undefined) throw MfaErrors.invalidCode();
        // The second code is the device's current step.
        const drift = step + 1 - this.mfa.stepNow(0);
        if (!(await this.devices.resync(device.serialNumber, user.userId, step + 1, drift, tx))) {
          throw MfaErrors.noSuchDevice(req.SerialNumber);
        }
      }),
    );
    return {};
  }
}
