import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, ListPoliciesRequest, ListPoliciesResult } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { decodeMarker, DEFAULT_MAX_ITEMS, encodeMarker } from '../common/page-marker';
import { Patterns, RequestValidator } from '../common/validate';
import { ManagedPoliciesRepository } from './managed-policies.repository';
import { toManagedPolicy } from './managed-policy-shape';

/**
 * The account's managed policies, in name order. idfed ships no AWS managed policies, so
 * `Scope=AWS` lists none and `All` lists the customer's; no policy is used as a permissions
 * boundary, so `PolicyUsageFilter=PermissionsBoundary` lists none. As IAM, the list leaves out
 * each policy's description and tags (GetPolicy gives them).
 */
@Injectable()
export class ListPoliciesHandler implements OperationHandler<
  typeof CredentialVendingOperations.ListPolicies
> {
  constructor(@Inject(ManagedPoliciesRepository) private readonly repository: ManagedPoliciesRepository) {}

  async execute(req: ListPoliciesRequest): Promise<ListPoliciesResult> {
    RequestValidator.of(req)
      .oneOf('Scope', ['All', 'AWS', 'Local'])
      .boolean('OnlyAttached')
      .string('PathPrefix', { min: 1, max: 512, pattern: Patterns.pathPrefix })
      .oneOf('PolicyUsageFilter', ['PermissionsPolicy', 'PermissionsBoundary'])
      .string('Marker', { min: 1, max: 320 })
      .integer('MaxItems', { min: 1, max: 1000 })
      .check();
    const after = decodeMarker(req.Marker);
    if (req.Scope === 'AWS') return { Policies: [], IsTruncated: false };
    const { page, next } = await this.repository.page(
      {
        pathPrefix: req.PathPrefix ?? '/',
        onlyAttached: req.OnlyAttached === true,
        boundariesOnly: req.PolicyUsageFilter === 'PermissionsBoundary',
      },
      after,
      req.MaxItems ?? DEFAULT_MAX_ITEMS,
    );
    return {
      Policies: page.map(({ policy, attachments, boundaryUses }) => {
        const { Description: _d, Tags: _t, ...listed } = toManagedPolicy(policy, attachments, boundaryUses);
        return listed;
      }),
      IsTruncated: next !== undefined,
      ...(next !== undefined ? { Marker: encodeMarker(next) } : {}),
    };
  }
}
