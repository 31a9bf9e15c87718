import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, RolePolicyRequest } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { IamErrors } from '../common/iam-errors';
import { RoleInlinePolicyEntity } from '../database/entities';
import { RoleLookup } from './role.lookup';
import { validateRolePolicyNames } from './role-policy-requests';

@Injectable()
export class DeleteRolePolicyHandler implements OperationHandler<
  typeof CredentialVendingOperations.DeleteRolePolicy
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(RoleLookup) private readonly roles: RoleLookup,
  ) {}

  async execute(req: RolePolicyRequest): Promise<EmptyResult> {
    validateRolePolicyNames(req, true);
    await this.dataSource.transaction(async (m) => {
      const role = await this.roles.require(req.RoleName, m, true);
      const result = await m.delete(RoleInlinePolicyEntity, {
        roleId: role.roleId,
        policyName: req.PolicyName,
      });
      if (!result.affected) throw IamErrors.noSuchRolePolicy(role.name, req.PolicyName);
    });
    return {};
  }
}
