import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  ListGroupPoliciesRequest,
  ListGroupPoliciesResult,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { decodeMarker, DEFAULT_MAX_ITEMS, encodeMarker } from '../common/page-marker';
import { validateGroupName, validatePage } from './group-requests';
import { GroupLookup } from './group.lookup';
import { GroupsRepository } from './groups.repository';

@Injectable()
export class ListGroupPoliciesHandler implements OperationHandler<
  typeof CredentialVendingOperations.ListGroupPolicies
> {
  constructor(
    @Inject(GroupLookup) private readonly lookup: GroupLookup,
    @Inject(GroupsRepository) private readonly groups: GroupsRepository,
  ) {}

  async execute(req: ListGroupPoliciesRequest): Promise<ListGroupPoliciesResult> {
    validateGroupName(req);
    validatePage(req);
    const group = await this.lookup.require(req.GroupName);
    const { page, next } = await this.groups.inlinePolicyNames(
      group.groupId,
      decodeMarker(req.Marker),
      req.MaxItems ?? DEFAULT_MAX_ITEMS,
    );
    return {
      PolicyNames: page,
      IsTruncated: next !== undefined,
      ...(next !== undefined ? { Marker: encodeMarker(next) } : {}),
    };
  }
}
