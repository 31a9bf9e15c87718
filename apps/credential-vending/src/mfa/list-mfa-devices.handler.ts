import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  CredentialVendingOperations,
  ListMFADevicesRequest,
  ListMFADevicesResult,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { decodeMarker, DEFAULT_MAX_ITEMS, encodeMarker } from '../common/page-marker';
import { RequestValidator } from '../common/validate';
import { validateUserName } from '../users/user-requests';
import { MfaDevicesRepository } from './mfa-devices.repository';
import { VirtualMfaDevices } from './virtual-mfa-devices';

/**
 * IAM ListMFADevices (ADR 0072): the devices assigned to the user named, or to the IAM user who
 * signed when none is named; the account root has none in idfed (an empty list).
 */
@Injectable()
export class ListMFADevicesHandler implements OperationHandler<
  typeof CredentialVendingOperations.ListMFADevices
> {
  constructor(
    @Inject(MfaDevicesRepository) private readonly devices: MfaDevicesRepository,
    @Inject(VirtualMfaDevices) private readonly mfa: VirtualMfaDevices,
  ) {}

  async execute(req: ListMFADevicesRequest, meta: CommandMeta): Promise<ListMFADevicesResult> {
    validateUserName(req, 'UserName', false);
    RequestValidator.of(req)
      .string('Marker', { min: 1, max: 320 })
      .integer('MaxItems', { min: 1, max: 1000 })
      .check();
    const after = decodeMarker(req.Marker);
    const user = await this.mfa.userOf(req.UserName, meta.caller);
    if (!user) return { MFADevices: [], IsTruncated: false };
    const { page, next } = await this.devices.pageOfUser(
      user.userId,
      after,
      req.MaxItems ?? DEFAULT_MAX_ITEMS,
    );
    return {
      MFADevices: page.map((d) => VirtualMfaDevices.toMfaDevice(d, user)),
      IsTruncated: next !== undefined,
      ...(next !== undefined ? { Marker: encodeMarker(next) } : {}),
    };
  }
}
