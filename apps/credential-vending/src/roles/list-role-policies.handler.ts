import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  ListRolePoliciesRequest,
  ListRolePoliciesResult,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { decodeMarker, DEFAULT_MAX_ITEMS, encodeMarker } from '../common/page-marker';
import { RequestValidator } from '../common/validate';
import { RoleLookup } from './role.lookup';
import { validateRolePolicyNames } from './role-policy-requests';
import { RolesRepository } from './roles.repository';

@Injectable()
export class ListRolePoliciesHandler implements OperationHandler<
  typeof CredentialVendingOperations.ListRolePolicies
> {
  constructor(
    @Inject(RoleLookup) private readonly lookup: RoleLookup,
    @Inject(RolesRepository) private readonly roles: RolesRepository,
  ) {}

  async execute(req: ListRolePoliciesRequest): Promise<ListRolePoliciesResult> {
    validateRolePolicyNames(req, false);
    RequestValidator.of(req)
      .string('Marker', { min: 1, max: 320 })
      .integer('MaxItems', { min: 1, max: 1000 })
      .check();
    const after = decodeMarker(req.Marker);
    const max = req.MaxItems ?? DEFAULT_MAX_ITEMS;
    const role = await this.lookup.require(req.RoleName);
    const { page, next } = await this.roles.inlinePolicyNames(role.roleId, after, max);
    return {
      PolicyNames: page,
      IsTruncated: next !== undefined,
      ...(next !== undefined ? { Marker: encodeMarker(next) } : {}),
    };
  }
}
