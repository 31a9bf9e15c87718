import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  ListInstanceProfilesForRoleRequest,
  ListInstanceProfilesForRoleResult,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { RequestValidator } from '../common/validate';
import { RoleLookup } from './role.lookup';
import { validateRolePolicyNames } from './role-policy-requests';

/**
 * ListInstanceProfilesForRole. Instance profiles hand a role to EC2 instances; idfed serves no
 * CreateInstanceProfile, so a role is in none and the list is empty. It is served because tools
 * that delete a role read it first (Terraform's provider detaches the role from each profile
 * before DeleteRole); a role that does not exist is NoSuchEntity, as for every role operation.
 */
@Injectable()
export class ListInstanceProfilesForRoleHandler implements OperationHandler<
  typeof CredentialVendingOperations.ListInstanceProfilesForRole
> {
  constructor(@Inject(RoleLookup) private readonly roles: RoleLookup) {}

  async execute(req: ListInstanceProfilesForRoleRequest): Promise<ListInstanceProfilesForRoleResult> {
    validateRolePolicyNames(req, false);
    RequestValidator.of(req)
      .string('Marker', { min: 1, max: 320 })
      .integer('MaxItems', { min: 1, max: 1000 })
      .check();
    await this.roles.require(req.RoleName);
    return { InstanceProfiles: [], IsTruncated: false };
  }
}
