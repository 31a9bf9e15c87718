import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, ListGroupsForUserRequest, ListIamGroupsResult } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { decodeMarker, DEFAULT_MAX_ITEMS, encodeMarker } from '../common/page-marker';
import { validateUserName } from '../users/user-requests';
import { UserLookup } from '../users/user.lookup';
import { toGroup } from './group-shape';
import { validatePage } from './group-requests';
import { GroupsRepository } from './groups.repository';

@Injectable()
export class ListGroupsForUserHandler implements OperationHandler<
  typeof CredentialVendingOperations.ListGroupsForUser
> {
  constructor(
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(GroupsRepository) private readonly groups: GroupsRepository,
  ) {}

  async execute(req: ListGroupsForUserRequest): Promise<ListIamGroupsResult> {
    validateUserName(req);
    validatePage(req);
    const user = await this.lookup.require(req.UserName);
    const { page, next } = await this.groups.groupsOf(
      user.userId,
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
