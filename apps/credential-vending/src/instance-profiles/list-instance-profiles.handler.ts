import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  ListInstanceProfilesRequest,
  ListInstanceProfilesResult,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { decodeMarker, DEFAULT_MAX_ITEMS, encodeMarker } from '../common/page-marker';
import { Patterns, RequestValidator } from '../common/validate';
import { InstanceProfilesRepository } from './instance-profiles.repository';
import { toInstanceProfile } from './instance-profiles';

/** IAM ListInstanceProfiles: by path prefix, in name order, paged; no tags, as IAM lists them. */
@Injectable()
export class ListInstanceProfilesHandler implements OperationHandler<
  typeof CredentialVendingOperations.ListInstanceProfiles
> {
  constructor(@Inject(InstanceProfilesRepository) private readonly profiles: InstanceProfilesRepository) {}

  async execute(req: ListInstanceProfilesRequest): Promise<ListInstanceProfilesResult> {
    RequestValidator.of(req)
      .string('PathPrefix', { min: 1, max: 512, pattern: Patterns.pathPrefix })
      .string('Marker', { min: 1, max: 320 })
      .integer('MaxItems', { min: 1, max: 1000 })
      .check();
    const { page, next } = await this.profiles.page(
      req.PathPrefix ?? '/',
      decodeMarker(req.Marker),
      req.MaxItems ?? DEFAULT_MAX_ITEMS,
    );
    const roles = await this.profiles.rolesOf(page);
    return {
      InstanceProfiles: page.map((p) =>
        toInstanceProfile(p, p.roleId ? roles.get(p.roleId) : undefined, { tags: false }),
      ),
      IsTruncated: next !== undefined,
      ...(next !== undefined ? { Marker: encodeMarker(next) } : {}),
    };
  }
}
