import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, MFADeviceCodesRequest } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { IamErrors } from '../common/iam-errors';
import { validateUserName } from '../users/user-requests';
import { UserLookup } from '../users/user.lookup';
import { MfaErrors } from './mfa-errors';
import { MfaDevicesRepository } from './mfa-devices.repository';
import {
  ENABLE_WINDOW_STEPS,
  MFA_DEVICES_PER_USER,
  validateCodes,
  validateSerialNumber,
  VirtualMfaDevices,
} from './virtual-mfa-devices';

/**
 * IAM EnableMFADevice (ADR 0072): assigns an unassigned virtual device to the user once two
 * consecutive codes of it prove the user's app holds the seed (RFC 6238, 30 s, six digits). Checked
 * under the user's and the device's row locks, in IAM's order: the user, the device, the device
 * already in use, the user's quota of eight, the codes. The codes' steps are used up.
 */
@Injectable()
export class EnableMFADeviceHandler implements OperationHandler<
  typeof CredentialVendingOperations.EnableMFADevice
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
        const device = await this.devices.find(req.SerialNumber, tx, true);
        if (!device) throw MfaErrors.noSuchVirtualDevice(req.SerialNumber);
        if (device.userId !== null) throw MfaErrors.deviceInUse();
        if ((await this.devices.countOfUser(user.userId, tx)) >= MFA_DEVICES_PER_USER) {
          throw IamErrors.limitExceeded('MFADevicesPerUser', MFA_DEVICES_PER_USER);
        }
        const step = this.mfa.consecutiveStep(
          device,
          req.AuthenticationCode1,
          req.AuthenticationCode2,
          ENABLE_WINDOW_STEPS,
        );
        if (step === undefined) throw MfaErrors.invalidCode();
        await this.devices.enable(device.serialNumber, user.userId, step + 1, new Date(this.mfa.clock()), tx);
      }),
    );
    return {};
  }
}
