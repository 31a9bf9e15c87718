import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  ListInstanceProfilesForRoleRequest,
  ListInstanceProfilesForRoleResult,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { decodeMarker, DEFAULT_MAX_ITEMS, encodeMarker } from '../common/page-marker';
import { RequestValidator } from '../common/validate';
import { InstanceProfilesRepository } from '../instance-profiles/instance-profiles.repository';
import { toInstanceProfile } from '../instance-profiles/instance-profiles';
import { RoleLookup } from './role.lookup';
import { validateRolePolicyNames } from './role-policy-requests';

/**
 * IAM ListInstanceProfilesForRole (ADR 0085): the profiles holding the role, in name order, paged
 * (tools that delete a role read it first to remove the role from each); a role that does not
 * exist is NoSuchEntity, as for every role operation.
 */
@Injectable()
export class ListInstanceProfilesForRoleHandler implements OperationHandler<
  typeof CredentialVendingOperations.ListInstanceProfilesForRole
> {
  constructor(
    @Inject(RoleLookup) private readonly roles: RoleLookup,
    @Inject(InstanceProfilesRepository) private readonly profiles: InstanceProfilesRepository,
  ) {}

  async execute(req: ListInstanceProfilesForRoleRequest): Promise<ListInstanceProfilesForRoleResult> {
    validateRolePolicyNames(req, false);
    RequestValidator.of(req)
      .string('Marker', { min: 1, max: 320 })
      .integer('MaxItems', { min: 1, max: 1000 })
      .check();
    const role = await this.roles.require(req.RoleName);
    const { page, next } = await this.profiles.pageOfRole(
      role.roleId,
      decodeMarker(req.Marker),
      req.MaxItems ?? DEFAULT_MAX_ITEMS,
    );
    return {
      InstanceProfiles: page.map((p) => toInstanceProfile(p, role, { tags: false })),
      IsTruncated: next !== undefined,
      ...(next !== undefined ? { Marker: encodeMarker(next) } : {}),
    };
  }
}
