import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  ListEntitiesForPolicyRequest,
  ListEntitiesForPolicyResult,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { decodeMarker, DEFAULT_MAX_ITEMS, encodeMarker } from '../common/page-marker';
import { Patterns, RequestValidator } from '../common/validate';
import { ManagedPoliciesRepository } from './managed-policies.repository';
import { ManagedPolicyLookup } from './managed-policy.lookup';

const ENTITY_FILTERS = ['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy'] as const;

/**
 * The roles a customer managed policy is attached to, in name order. idfed has no IAM users or
 * groups yet, so those lists are always empty, as is every list for `EntityFilter` other than
 * `Role` and for `PolicyUsageFilter=PermissionsBoundary` (no boundaries).
 */
@Injectable()
export class ListEntitiesForPolicyHandler implements OperationHandler<
  typeof CredentialVendingOperations.ListEntitiesForPolicy
> {
  constructor(
    @Inject(ManagedPoliciesRepository) private readonly repository: ManagedPoliciesRepository,
    @Inject(ManagedPolicyLookup) private readonly policies: ManagedPolicyLookup,
  ) {}

  async execute(req: ListEntitiesForPolicyRequest): Promise<ListEntitiesForPolicyResult> {
    RequestValidator.of(req)
      .oneOf('EntityFilter', ENTITY_FILTERS)
      .string('PathPrefix', { min: 1, max: 512, pattern: Patterns.pathPrefix })
      .oneOf('PolicyUsageFilter', ['PermissionsPolicy', 'PermissionsBoundary'])
      .string('Marker', { min: 1, max: 320 })
      .integer('MaxItems', { min: 1, max: 1000 })
      .check();
    const after = decodeMarker(req.Marker);
    const policy = await this.policies.requireByArn(req.PolicyArn);
    const none = { PolicyGroups: [], PolicyUsers: [], PolicyRoles: [], IsTruncated: false };
    const rolesWanted = req.EntityFilter === undefined || req.EntityFilter === 'Role';
    if (!rolesWanted || req.PolicyUsageFilter === 'PermissionsBoundary') return none;
    const { page, next } = await this.repository.rolesAttachedTo(
      policy.policyId,
      req.PathPrefix ?? '/',
      after,
      req.MaxItems ?? DEFAULT_MAX_ITEMS,
    );
    return {
      ...none,
      PolicyRoles: page.map((r) => ({ RoleName: r.roleName, RoleId: r.roleId })),
      IsTruncated: next !== undefined,
      ...(next !== undefined ? { Marker: encodeMarker(next) } : {}),
    };
  }
}
