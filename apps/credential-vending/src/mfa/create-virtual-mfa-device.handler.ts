import { Inject, Injectable } from '@nestjs/common';
import {
  CreateVirtualMFADeviceRequest,
  CreateVirtualMFADeviceResult,
  CredentialVendingOperations,
} from '@idfed/contracts';
import { base32Encode, newTotpSecret } from '@idfed/crypto';
import { OperationHandler } from '@idfed/service-runtime';
import { toBuffer as qrCodePng } from 'qrcode';
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
 * back. `QRCodePNG` (ADR 0084) is a PNG of the QR code of the otpauth URI AWS documents for it,
 * `otpauth://totp/<VirtualMFADeviceName>@<AccountName>?secret=<Base32String>`, with the account id
 * as AccountName (the device has no user yet): the seed too, so it is as secret as the seed.
 */
export function otpauthUri(deviceName: string, accountName: string, base32Seed: string): string {
  return `otpauth://totp/${encodeURIComponent(deviceName)}@${encodeURIComponent(accountName)}?secret=${base32Seed}`;
}

/** IAM CreateVirtualMFADevice, as above: the seed and its QR code answered once, the seed kept sealed. */
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
    const base32 = base32Encode(seed);
    const png = await qrCodePng(otpauthUri(req.VirtualMFADeviceName, this.arns.accountId, base32), {
      type: 'png',
      errorCorrectionLevel: 'M',
    });
    return {
      VirtualMFADevice: {
        SerialNumber: serialNumber,
        Base32StringSeed: Buffer.from(base32, 'ascii').toString('base64'),
        QRCodePNG: png.toString('base64'),
        ...(tags.length ? { Tags: tags } : {}),
      },
    };
  }
}
