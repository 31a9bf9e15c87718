import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, UpdateAssumeRolePolicyRequest } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { Transactions } from '@idfed/persistence';
import { Patterns, RequestValidator } from '../common/validate';
import { RoleLookup } from './role.lookup';
import { RolesRepository } from './roles.repository';
import { readTrustPolicy } from './trust-policy';

@Injectable()
export class UpdateAssumeRolePolicyHandler implements OperationHandler<
  typeof CredentialVendingOperations.UpdateAssumeRolePolicy
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(RoleLookup) private readonly lookup: RoleLookup,
    @Inject(RolesRepository) private readonly roles: RolesRepository,
  ) {}

  async execute(req: UpdateAssumeRolePolicyRequest): Promise<EmptyResult> {
    RequestValidator.of(req)
      .string('RoleName', { required: true, min: 1, max: 64, pattern: Patterns.roleName })
      .string('PolicyDocument', { required: true, min: 1, max: 131072, pattern: Patterns.policyDocument })
      .check();
    readTrustPolicy(req.PolicyDocument);
    await this.transactions.run(async (tx) => {
      const role = await this.lookup.require(req.RoleName, tx, true);
      await this.roles.update(role.roleId, { assumeRolePolicy: req.PolicyDocument }, tx);
    });
    return {};
  }
}
