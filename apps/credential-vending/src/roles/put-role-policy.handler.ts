import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, PutRolePolicyRequest } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { POLICY_SIZE_LIMITS } from '@idfed/policy';
import { OperationHandler } from '@idfed/service-runtime';
import { readPolicy } from '../common/policy-documents';
import { Patterns, RequestValidator } from '../common/validate';
import { RoleLookup } from './role.lookup';
import { validateRolePolicyNames } from './role-policy-requests';
import { RolesRepository } from './roles.repository';

/** Creates or replaces an inline policy; all inline policies of a role share IAM's 10,240-character quota. */
@Injectable()
export class PutRolePolicyHandler implements OperationHandler<
  typeof CredentialVendingOperations.PutRolePolicy
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(RoleLookup) private readonly lookup: RoleLookup,
    @Inject(RolesRepository) private readonly roles: RolesRepository,
  ) {}

  async execute(req: PutRolePolicyRequest): Promise<EmptyResult> {
    validateRolePolicyNames(req, true);
    RequestValidator.of(req)
      .string('PolicyDocument', { required: true, min: 1, max: 131072, pattern: Patterns.policyDocument })
      .check();
    const policy = readPolicy(req.PolicyDocument, 'identity', { label: req.PolicyName });
    const size = policy.size.withoutWhitespace;
    // The role's row stays locked until commit, so two puts cannot both fit in the quota's last room.
    await this.transactions.run(async (tx) => {
      const role = await this.lookup.require(req.RoleName, tx, true);
      const total = await this.roles.inlinePolicySizeWithout(role.roleId, req.PolicyName, tx);
      if (total + size > POLICY_SIZE_LIMITS.inlineRolePolicy) {
        throw new ServiceError(
          'LimitExceeded',
          `Maximum policy size of ${POLICY_SIZE_LIMITS.inlineRolePolicy} bytes exceeded for role ${role.name}`,
        );
      }
      await this.roles.putInlinePolicy(role.roleId, req.PolicyName, req.PolicyDocument, size, tx);
    });
    return {};
  }
}
