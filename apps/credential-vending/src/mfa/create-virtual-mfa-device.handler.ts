import { Inject, Injectable } from '@nestjs/common';
import {
  CreateVirtualMFADeviceRequest,
  CreateVirtualMFADeviceResult,
  CredentialVendingOperations,
} from '@idfed/contracts';
import { base32Encode, newTotpSecret } from '@idfed/crypto';
import { OperationHandler } from '@idfed/service-runtime';
import { IamArns } from '../common/arns';
import { Patterns, RequestValidator } from '../common/validate';
import { TagRecord } from '../database/entities';
import { MfaErrors } from './mfa-errors';
import { MfaSeeds } from './mfa-seeds';
import { MfaDevicesRepository } from './mfa-devices.repository';

/**
 * IAM CreateVirtualMFADevice (ADR 0072): a new unassigned device named
 * `arn:aws:iam::<account>:mfa<path><name>` with a new 160-bit seed, sealed at rest. The seed is in
 * this answer only (`Base32StringSeed`, a blob: base64 of the base32 text); no operation gives it
 * back. `QRCodePNG` is not produced (docs/status.md, Not yet).
 */
@Injectable()
export class CreateVirtualMFADeviceHandler implements OperationHandler<
  typeof CredentialVendingOperations.CreateVirtualMFADevice
> {
  constructor(
    @Inject(IamArns) private readonly arns: IamArns,
    @Inject(MfaDevicesRepository) private readonly devices: MfaDevicesRepository,
    @Inject(MfaSeeds) private readonly seeds: MfaSeeds,
  ) {}

  async execute(req: CreateVirtualMFADeviceRequest): Promise<CreateVirtualMFADeviceResult> {
    RequestValidator.of(req)
      .string('VirtualMFADeviceName', { required: true, min: 1, max: 226, pattern: Patterns.userName })
      .string('Path', { min: 1, max: 512, pattern: Patterns.path })
      .tags()
      .check();
    const path = req.Path ?? '/';
    const serialNumber = `arn:aws:iam::${this.arns.accountId}:mfa${path}${req.VirtualMFADeviceName}`;
    const seed = newTotpSecret();
    const tags = (req.Tags ?? []).map((t): TagRecord => ({ Key: t.Key, Value: t.Value ?? '' }));
    const created = await this.devices.insert({
      serialNumber,
      name: req.VirtualMFADeviceName,
      nameKey: req.VirtualMFADeviceName.toLowerCase(),
      path,
      seedEnc: this.seeds.seal(serialNumber, seed),
      userId: null,
      enabledAt: null,
      lastStep: null,
      driftSteps: 0,
      tags,
      createdAt: new Date(),
    });
    if (created === 'exists') throw MfaErrors.deviceExists();
    return {
      VirtualMFADevice: {
        SerialNumber: serialNumber,
        Base32StringSeed: Buffer.from(base32Encode(seed), 'ascii').toString('base64'),
        ...(tags.length ? { Tags: tags } : {}),
      },
    };
  }
}
