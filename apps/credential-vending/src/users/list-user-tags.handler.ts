import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, ListUserTagsRequest, ListUserTagsResult } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { decodeMarker, DEFAULT_MAX_ITEMS, encodeMarker } from '../common/page-marker';
import { RequestValidator } from '../common/validate';
import { validateUserName } from './user-requests';
import { UserLookup } from './user.lookup';

/** IAM ListUserTags: the user's tags in the order they were added, paged by MaxItems. */
@Injectable()
export class ListUserTagsHandler implements OperationHandler<
  typeof CredentialVendingOperations.ListUserTags
> {
  constructor(@Inject(UserLookup) private readonly lookup: UserLookup) {}

  async execute(req: ListUserTagsRequest): Promise<ListUserTagsResult> {
    validateUserName(req);
    RequestValidator.of(req)
      .string('Marker', { min: 1, max: 320 })
      .integer('MaxItems', { min: 1, max: 1000 })
      .check();
    const after = decodeMarker(req.Marker);
    const max = req.MaxItems ?? DEFAULT_MAX_ITEMS;
    const user = await this.lookup.require(req.UserName);
    const start = after === undefined ? 0 : user.tags.findIndex((t) => t.Key === after) + 1;
    const page = user.tags.slice(start, start + max);
    const truncated = start + max < user.tags.length;
    return {
      Tags: page,
      IsTruncated: truncated,
      ...(truncated ? { Marker: encodeMarker(page[page.length - 1].Key) } : {}),
    };
  }
}
