import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, GetIamGroupRequest, GetIamGroupResult } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { decodeMarker, DEFAULT_MAX_ITEMS, encodeMarker } from '../common/page-marker';
import { toUser } from '../users/user-shape';
import { toGroup } from './group-shape';
import { validateGroupName, validatePage } from './group-requests';
import { GroupLookup } from './group.lookup';
import { GroupsRepository } from './groups.repository';

/** The group and one page of its users (as ListUsers shows them: no tags, no boundary). */
@Injectable()
export class GetGroupHandler implements OperationHandler<typeof CredentialVendingOperations.GetGroup> {
  constructor(
    @Inject(GroupLookup) private readonly lookup: GroupLookup,
    @Inject(GroupsRepository) private readonly groups: GroupsRepository,
  ) {}

  async execute(req: GetIamGroupRequest): Promise<GetIamGroupResult> {
    validateGroupName(req);
    validatePage(req);
    const group = await this.lookup.require(req.GroupName);
    const { page, next } = await this.groups.members(
      group.groupId,
      decodeMarker(req.Marker),
      req.MaxItems ?? DEFAULT_MAX_ITEMS,
    );
    return {
      Group: toGroup(group),
      Users: page.map((u) => toUser(u, { full: false })),
      IsTruncated: next !== undefined,
      ...(next !== undefined ? { Marker: encodeMarker(next) } : {}),
    };
  }
}
