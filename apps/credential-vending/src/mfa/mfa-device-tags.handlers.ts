import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  EmptyResult,
  ListMFADeviceTagsRequest,
  ListMFADeviceTagsResult,
  TagMFADeviceRequest,
  UntagMFADeviceRequest,
} from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { IamErrors } from '../common/iam-errors';
import { decodeMarker, DEFAULT_MAX_ITEMS, encodeMarker } from '../common/page-marker';
import { Patterns, RequestValidator } from '../common/validate';
import { TagRecord } from '../database/entities';
import { MfaErrors } from './mfa-errors';
import { MfaDevicesRepository } from './mfa-devices.repository';
import { validateSerialNumber } from './virtual-mfa-devices';

/** IAM's quota of tags per resource. */
export const MAX_MFA_DEVICE_TAGS = 50;

/** IAM TagMFADevice: a key already there (in any case) takes the new value; 50 tags at most. */
@Injectable()
export class TagMFADeviceHandler implements OperationHandler<
  typeof CredentialVendingOperations.TagMFADevice
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(MfaDevicesRepository) private readonly devices: MfaDevicesRepository,
  ) {}

  async execute(req: TagMFADeviceRequest): Promise<EmptyResult> {
    validateSerialNumber(req);
    RequestValidator.of(req).tags().check();
    if (!Array.isArray(req.Tags)) throw IamErrors.validation('Tags is required.');
    await this.transactions.run(async (tx) => {
      const device = await this.devices.find(req.SerialNumber, tx, true);
      if (!device) throw MfaErrors.noSuchVirtualDevice(req.SerialNumber);
      const added = req.Tags.map((t): TagRecord => ({ Key: t.Key, Value: t.Value ?? '' }));
      const addedKeys = new Set(added.map((t) => t.Key.toLowerCase()));
      const tags = [...device.tags.filter((t) => !addedKeys.has(t.Key.toLowerCase())), ...added];
      if (tags.length > MAX_MFA_DEVICE_TAGS)
        throw IamErrors.limitExceeded('TagsPerMFADevice', MAX_MFA_DEVICE_TAGS);
      await this.devices.setTags(device.serialNumber, tags, tx);
    });
    return {};
  }
}

/** IAM UntagMFADevice: removes the keys given (in any case); absent keys are no error. */
@Injectable()
export class UntagMFADeviceHandler implements OperationHandler<
  typeof CredentialVendingOperations.UntagMFADevice
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(MfaDevicesRepository) private readonly devices: MfaDevicesRepository,
  ) {}

  async execute(req: UntagMFADeviceRequest): Promise<EmptyResult> {
    validateSerialNumber(req);
    RequestValidator.of(req)
      .stringList('TagKeys', {
        required: true,
        maxItems: MAX_MFA_DEVICE_TAGS,
        item: { min: 1, max: 128, pattern: Patterns.tagKey },
      })
      .check();
    await this.transactions.run(async (tx) => {
      const device = await this.devices.find(req.SerialNumber, tx, true);
      if (!device) throw MfaErrors.noSuchVirtualDevice(req.SerialNumber);
      const removed = new Set(req.TagKeys.map((k) => k.toLowerCase()));
      const tags = device.tags.filter((t) => !removed.has(t.Key.toLowerCase()));
      if (tags.length !== device.tags.length) await this.devices.setTags(device.serialNumber, tags, tx);
    });
    return {};
  }
}

/** IAM ListMFADeviceTags: the device's tags in the order they were added, paged by MaxItems. */
@Injectable()
export class ListMFADeviceTagsHandler implements OperationHandler<
  typeof CredentialVendingOperations.ListMFADeviceTags
> {
  constructor(@Inject(MfaDevicesRepository) private readonly devices: MfaDevicesRepository) {}

  async execute(req: ListMFADeviceTagsRequest): Promise<ListMFADeviceTagsResult> {
    validateSerialNumber(req);
    RequestValidator.of(req)
      .string('Marker', { min: 1, max: 320 })
      .integer('MaxItems', { min: 1, max: 1000 })
      .check();
    const after = decodeMarker(req.Marker);
    const max = req.MaxItems ?? DEFAULT_MAX_ITEMS;
    const device = await this.devices.find(req.SerialNumber);
    if (!device) throw MfaErrors.noSuchVirtualDevice(req.SerialNumber);
    const start = after === undefined ? 0 : device.tags.findIndex((t) => t.Key === after) + 1;
    const page = device.tags.slice(start, start + max);
    const truncated = start + max < device.tags.length;
    return {
      Tags: page,
      IsTruncated: truncated,
      ...(truncated ? { Marker: encodeMarker(page[page.length - 1].Key) } : {}),
    };
  }
}
