import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, RoleNameRequest } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { IamErrors } from '../common/iam-errors';
import { RoleEntity, RoleInlinePolicyEntity, RolePolicyAttachmentEntity } from '../database/entities';
import { RoleLookup } from './role.lookup';

/** Like IAM: a role with inline or attached policies cannot be deleted (DeleteConflict). */
@Injectable()
export class DeleteRoleHandler implements OperationHandler<typeof CredentialVendingOperations.DeleteRole> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(RoleLookup) private readonly roles: RoleLookup,
  ) {}

  async execute(req: RoleNameRequest): Promise<EmptyResult> {
    await this.dataSource.transaction(async (m) => {
      const role = await this.roles.require(req.RoleName, m, true);
      if (await m.exists(RoleInlinePolicyEntity, { where: { roleId: role.roleId } })) {
        throw IamErrors.roleHasInlinePolicies();
      }
      if (await m.exists(RolePolicyAttachmentEntity, { where: { roleId: role.roleId } })) {
        throw IamErrors.roleHasAttachedPolicies();
      }
      await m.delete(RoleEntity, { roleId: role.roleId });
    });
    return {};
  }
}
