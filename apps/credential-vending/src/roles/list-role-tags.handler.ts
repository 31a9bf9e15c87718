import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, ListRoleTagsRequest, ListRoleTagsResult } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { decodeMarker, DEFAULT_MAX_ITEMS, encodeMarker } from '../common/page-marker';
import { RequestValidator } from '../common/validate';
import { roleName } from './role-tags';
import { RoleLookup } from './role.lookup';

/** IAM ListRoleTags: the role's tags in the order they were added, paged by MaxItems. */
@Injectable()
export class ListRoleTagsHandler implements OperationHandler<
  typeof CredentialVendingOperations.ListRoleTags
> {
  constructor(@Inject(RoleLookup) private readonly lookup: RoleLookup) {}

  async execute(req: ListRoleTagsRequest): Promise<ListRoleTagsResult> {
    roleName(RequestValidator.of(req))
      .string('Marker', { min: 1, max: 320 })
      .integer('MaxItems', { min: 1, max: 1000 })
      .check();
    const after = decodeMarker(req.Marker);
    const max = req.MaxItems ?? DEFAULT_MAX_ITEMS;
    const role = await this.lookup.require(req.RoleName);
    const start = after === undefined ? 0 : role.tags.findIndex((t) => t.Key === after) + 1;
    const page = role.tags.slice(start, start + max);
    const truncated = start + max < role.tags.length;
    return {
      Tags: page,
      IsTruncated: truncated,
      ...(truncated ? { Marker: encodeMarker(page[page.length - 1].Key) } : {}),
    };
  }
}
