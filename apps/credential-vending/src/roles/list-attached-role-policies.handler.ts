import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  ListAttachedRolePoliciesRequest,
  ListAttachedRolePoliciesResult,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { decodeMarker, DEFAULT_MAX_ITEMS, encodeMarker } from '../common/page-marker';
import { Patterns, RequestValidator } from '../common/validate';
import { ManagedPoliciesRepository } from '../policies/managed-policies.repository';
import { RoleLookup } from './role.lookup';
import { validateRolePolicyNames } from './role-policy-requests';

@Injectable()
export class ListAttachedRolePoliciesHandler implements OperationHandler<
  typeof CredentialVendingOperations.ListAttachedRolePolicies
> {
  constructor(
    @Inject(ManagedPoliciesRepository) private readonly attachments: ManagedPoliciesRepository,
    @Inject(RoleLookup) private readonly roles: RoleLookup,
  ) {}

  async execute(req: ListAttachedRolePoliciesRequest): Promise<ListAttachedRolePoliciesResult> {
    validateRolePolicyNames(req, false);
    RequestValidator.of(req)
      .string('PathPrefix', { min: 1, max: 512, pattern: Patterns.policyPath })
      .string('Marker', { min: 1, max: 320 })
      .integer('MaxItems', { min: 1, max: 1000 })
      .check();
    const after = decodeMarker(req.Marker);
    const max = req.MaxItems ?? DEFAULT_MAX_ITEMS;
    const role = await this.roles.require(req.RoleName);
    const { page, next } = await this.attachments.attachedToRole(
      role.roleId,
      req.PathPrefix ?? '/',
      after,
      max,
    );
    return {
      AttachedPolicies: page.map((p) => ({ PolicyName: p.name, PolicyArn: p.arn })),
      IsTruncated: next !== undefined,
      ...(next !== undefined ? { Marker: encodeMarker(next) } : {}),
    };
  }
}
