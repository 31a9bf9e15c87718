import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, RolePolicyRequest } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { Transactions } from '@idfed/persistence';
import { IamErrors } from '../common/iam-errors';
import { RoleLookup } from './role.lookup';
import { validateRolePolicyNames } from './role-policy-requests';
import { RolesRepository } from './roles.repository';

@Injectable()
export class DeleteRolePolicyHandler implements OperationHandler<
  typeof CredentialVendingOperations.DeleteRolePolicy
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(RoleLookup) private readonly lookup: RoleLookup,
    @Inject(RolesRepository) private readonly roles: RolesRepository,
  ) {}

  async execute(req: RolePolicyRequest): Promise<EmptyResult> {
    validateRolePolicyNames(req, true);
    await this.transactions.run(async (tx) => {
      const role = await this.lookup.require(req.RoleName, tx, true);
      if (!(await this.roles.deleteInlinePolicy(role.roleId, req.PolicyName, tx))) {
        throw IamErrors.noSuchRolePolicy(role.name, req.PolicyName);
      }
    });
    return {};
  }
}
