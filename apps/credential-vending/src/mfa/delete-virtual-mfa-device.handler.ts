import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, SerialNumberRequest } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { MfaErrors } from './mfa-errors';
import { MfaDevicesRepository } from './mfa-devices.repository';
import { validateSerialNumber } from './virtual-mfa-devices';

/** IAM DeleteVirtualMFADevice (ADR 0072): an assigned device is DeleteConflict until deactivated. */
@Injectable()
export class DeleteVirtualMFADeviceHandler implements OperationHandler<
  typeof CredentialVendingOperations.DeleteVirtualMFADevice
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(MfaDevicesRepository) private readonly devices: MfaDevicesRepository,
  ) {}

  async execute(req: SerialNumberRequest): Promise<EmptyResult> {
    validateSerialNumber(req);
    const outcome = await this.transactions.run((tx) => this.devices.deleteUnassigned(req.SerialNumber, tx));
    if (outcome === 'missing') throw MfaErrors.noSuchVirtualDevice(req.SerialNumber);
    if (outcome === 'in-use') throw MfaErrors.deviceAssigned();
    return {};
  }
}
