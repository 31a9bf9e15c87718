import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  DeleteRolePermissionsBoundaryRequest,
  EmptyResult,
  PutRolePermissionsBoundaryRequest,
} from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { RequestValidator } from '../common/validate';
import { ManagedPolicyLookup } from '../policies/managed-policy.lookup';
import { RoleLookup } from './role.lookup';
import { RolesRepository } from './roles.repository';

/**
 * Sets or replaces the managed policy that bounds what the role's policies grant its sessions. The
 * gateways' decisions see it within their role cache's lifetime (5 s), as any policy change.
 */
@Injectable()
export class PutRolePermissionsBoundaryHandler implements OperationHandler<
  typeof CredentialVendingOperations.PutRolePermissionsBoundary
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(RoleLookup) private readonly lookup: RoleLookup,
    @Inject(RolesRepository) private readonly roles: RolesRepository,
    @Inject(ManagedPolicyLookup) private readonly policies: ManagedPolicyLookup,
  ) {}

  async execute(req: PutRolePermissionsBoundaryRequest): Promise<EmptyResult> {
    RequestValidator.of(req).string('PermissionsBoundary', { required: true, min: 20, max: 2048 }).check();
    await this.transactions.run(async (tx) => {
      const role = await this.lookup.require(req.RoleName, tx, true);
      // Locked like DeletePolicy locks it: the boundary cannot be deleted under this write.
      const policy = await this.policies.requireByArn(req.PermissionsBoundary, tx, true);
      await this.roles.update(role.roleId, { permissionsBoundary: policy.arn }, tx);
    });
    return {};
  }
}

/** Removes the role's boundary: its policies grant on their own again. */
@Injectable()
export class DeleteRolePermissionsBoundaryHandler implements OperationHandler<
  typeof CredentialVendingOperations.DeleteRolePermissionsBoundary
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(RoleLookup) private readonly lookup: RoleLookup,
    @Inject(RolesRepository) private readonly roles: RolesRepository,
  ) {}

  async execute(req: DeleteRolePermissionsBoundaryRequest): Promise<EmptyResult> {
    await this.transactions.run(async (tx) => {
      const role = await this.lookup.require(req.RoleName, tx, true);
      await this.roles.update(role.roleId, { permissionsBoundary: null }, tx);
    });
    return {};
  }
}
