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
const KINDS = { Group: ['group'], User: ['user'], Role: ['role'] } as const;

/**
 * The groups, users and roles that use a customer managed policy: attached to it
 * (`PolicyUsageFilter=PermissionsPolicy`), bounded by it (`PermissionsBoundary`), or either; one
 * page across the three lists (groups, then users, then roles, each in name order). `EntityFilter`
 * `LocalManagedPolicy` / `AWSManagedPolicy` name no entity type idfed has: empty lists.
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
    const result: ListEntitiesForPolicyResult = {
      PolicyGroups: [],
      PolicyUsers: [],
      PolicyRoles: [],
      IsTruncated: false,
    };
    const kinds =
      req.EntityFilter === undefined
        ? (['group', 'user', 'role'] as const)
        : req.EntityFilter in KINDS
          ? KINDS[req.EntityFilter as keyof typeof KINDS]
          : [];
    if (kinds.length === 0) return result;
    const { page, next } = await this.repository.entitiesUsing(
      policy,
      {
        pathPrefix: req.PathPrefix ?? '/',
        kinds,
        ...(req.PolicyUsageFilter ? { usage: req.PolicyUsageFilter } : {}),
      },
      after,
      req.MaxItems ?? DEFAULT_MAX_ITEMS,
    );
    for (const e of page) {
      if (e.kind === 'group') result.PolicyGroups.push({ GroupName: e.name, GroupId: e.id });
      else if (e.kind === 'user') result.PolicyUsers.push({ UserName: e.name, UserId: e.id });
      else result.PolicyRoles.push({ RoleName: e.name, RoleId: e.id });
    }
    return {
      ...result,
      IsTruncated: next !== undefined,
      ...(next !== undefined ? { Marker: encodeMarker(next) } : {}),
    };
  }
}
