import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, RoleNameRequest } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { Transactions } from '@idfed/persistence';
import { IamErrors } from '../common/iam-errors';
import { ManagedPoliciesRepository } from '../policies/managed-policies.repository';
import { InstanceProfilesRepository } from '../instance-profiles/instance-profiles.repository';
import { InstanceProfileErrors } from '../instance-profiles/instance-profiles';
import { RoleLookup } from './role.lookup';
import { RolesRepository } from './roles.repository';

/**
 * Like IAM: a role with inline or attached policies, or in an instance profile, cannot be deleted
 * (DeleteConflict, in the order AWS's DeleteRole documentation lists them).
 */
@Injectable()
export class DeleteRoleHandler implements OperationHandler<typeof CredentialVendingOperations.DeleteRole> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(RoleLookup) private readonly lookup: RoleLookup,
    @Inject(RolesRepository) private readonly roles: RolesRepository,
    @Inject(ManagedPoliciesRepository) private readonly attachments: ManagedPoliciesRepository,
    @Inject(InstanceProfilesRepository) private readonly profiles: InstanceProfilesRepository,
  ) {}

  async execute(req: RoleNameRequest): Promise<EmptyResult> {
    // The role's row stays locked until commit: a concurrent PutRolePolicy or AttachRolePolicy
    // either went first (and is seen here) or waits and then finds no role.
    await this.transactions.run(async (tx) => {
      const role = await this.lookup.require(req.RoleName, tx, true);
      if (await this.roles.hasInlinePolicies(role.roleId, tx)) throw IamErrors.roleHasInlinePolicies();
      if (await this.attachments.roleHasAttachments(role.roleId, tx)) {
        throw IamErrors.roleHasAttachedPolicies();
      }
      if (await this.profiles.roleInAny(role.roleId, tx)) throw InstanceProfileErrors.hasRole();
      await this.roles.delete(role.roleId, tx);
    });
    return {};
  }
}
