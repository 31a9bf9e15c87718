import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, ListIamGroupsRequest, ListIamGroupsResult } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { decodeMarker, DEFAULT_MAX_ITEMS, encodeMarker } from '../common/page-marker';
import { Patterns, RequestValidator } from '../common/validate';
import { toGroup } from './group-shape';
import { validatePage } from './group-requests';
import { GroupsRepository } from './groups.repository';

@Injectable()
export class ListGroupsHandler implements OperationHandler<typeof CredentialVendingOperations.ListGroups> {
  constructor(@Inject(GroupsRepository) private readonly groups: GroupsRepository) {}

  async execute(req: ListIamGroupsRequest): Promise<ListIamGroupsResult> {
    RequestValidator.of(req).string('PathPrefix', { min: 1, max: 512, pattern: Patterns.pathPrefix }).check();
    validatePage(req);
    const { page, next } = await this.groups.page(
      req.PathPrefix ?? '/',
      decodeMarker(req.Marker),
      req.MaxItems ?? DEFAULT_MAX_ITEMS,
    );
    return {
      Groups: page.map(toGroup),
      IsTruncated: next !== undefined,
      ...(next !== undefined ? { Marker: encodeMarker(next) } : {}),
    };
  }
}
