import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  ListVirtualMFADevicesRequest,
  ListVirtualMFADevicesResult,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { decodeMarker, DEFAULT_MAX_ITEMS, encodeMarker } from '../common/page-marker';
import { RequestValidator } from '../common/validate';
import { StoredUser } from '../users/users.repository';
import { MfaDevicesRepository } from './mfa-devices.repository';
import { VirtualMfaDevices } from './virtual-mfa-devices';

/**
 * IAM ListVirtualMFADevices (ADR 0072): the account's virtual devices by AssignmentStatus (Any
 * when not given, as botocore documents), each with its user and enable date once assigned; never
 * the seed.
 */
@Injectable()
export class ListVirtualMFADevicesHandler implements OperationHandler<
  typeof CredentialVendingOperations.ListVirtualMFADevices
> {
  constructor(
    @Inject(MfaDevicesRepository) private readonly devices: MfaDevicesRepository,
    @Inject(VirtualMfaDevices) private readonly mfa: VirtualMfaDevices,
  ) {}

  async execute(req: ListVirtualMFADevicesRequest): Promise<ListVirtualMFADevicesResult> {
    RequestValidator.of(req)
      .oneOf('AssignmentStatus', ['Assigned', 'Unassigned', 'Any'])
      .string('Marker', { min: 1, max: 320 })
      .integer('MaxItems', { min: 1, max: 1000 })
      .check();
    const after = decodeMarker(req.Marker);
    const { page, next } = await this.devices.page(
      req.AssignmentStatus ?? 'Any',
      after,
      req.MaxItems ?? DEFAULT_MAX_ITEMS,
    );
    const users = new Map<string, StoredUser>();
    for (const d of page) {
      if (d.userId !== null && !users.has(d.userId))
        users.set(d.userId, await this.mfa.requireUserById(d.userId));
    }
    return {
      VirtualMFADevices: page.map((d) =>
        VirtualMfaDevices.toVirtualMfaDevice(d, d.userId !== null ? users.get(d.userId) : undefined),
      ),
      IsTruncated: next !== undefined,
      ...(next !== undefined ? { Marker: encodeMarker(next) } : {}),
    };
  }
}
