import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  ListAttachedGroupPoliciesRequest,
  ListAttachedGroupPoliciesResult,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { decodeMarker, DEFAULT_MAX_ITEMS, encodeMarker } from '../common/page-marker';
import { Patterns, RequestValidator } from '../common/validate';
import { validateGroupName, validatePage } from './group-requests';
import { GroupLookup } from './group.lookup';
import { GroupsRepository } from './groups.repository';

@Injectable()
export class ListAttachedGroupPoliciesHandler implements OperationHandler<
  typeof CredentialVendingOperations.ListAttachedGroupPolicies
> {
  constructor(
    @Inject(GroupLookup) private readonly lookup: GroupLookup,
    @Inject(GroupsRepository) private readonly groups: GroupsRepository,
  ) {}

  async execute(req: ListAttachedGroupPoliciesRequest): Promise<ListAttachedGroupPoliciesResult> {
    validateGroupName(req);
    RequestValidator.of(req).string('PathPrefix', { min: 1, max: 512, pattern: Patterns.policyPath }).check();
    validatePage(req);
    const group = await this.lookup.require(req.GroupName);
    const { page, next } = await this.groups.attachedPolicies(
      group.groupId,
      req.PathPrefix ?? '/',
      decodeMarker(req.Marker),
      req.MaxItems ?? DEFAULT_MAX_ITEMS,
    );
    return {
      AttachedPolicies: page.map((p) => ({ PolicyName: p.name, PolicyArn: p.arn })),
      IsTruncated: next !== undefined,
      ...(next !== undefined ? { Marker: encodeMarker(next) } : {}),
    };
  }
}
