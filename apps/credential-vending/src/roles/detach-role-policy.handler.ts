import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, RolePolicyAttachmentRequest } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { Transactions } from '@idfed/persistence';
import { IamErrors } from '../common/iam-errors';
import { ManagedPoliciesRepository } from '../policies/managed-policies.repository';
import { ManagedPolicyLookup } from '../policies/managed-policy.lookup';
import { RoleLookup } from './role.lookup';
import { validateAttachment } from './role-policy-requests';

@Injectable()
export class DetachRolePolicyHandler implements OperationHandler<
  typeof CredentialVendingOperations.DetachRolePolicy
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(ManagedPoliciesRepository) private readonly attachments: ManagedPoliciesRepository,
    @Inject(RoleLookup) private readonly roles: RoleLookup,
    @Inject(ManagedPolicyLookup) private readonly policies: ManagedPolicyLookup,
  ) {}

  async execute(req: RolePolicyAttachmentRequest): Promise<EmptyResult> {
    validateAttachment(req);
    await this.transactions.run(async (tx) => {
      const role = await this.roles.require(req.RoleName, tx, true);
      const policy = await this.policies.requireByArn(req.PolicyArn, tx);
      if (!(await this.attachments.detach(role.roleId, policy.policyId, tx))) {
        throw IamErrors.policyNotAttached(req.PolicyArn);
      }
    });
    return {};
  }
}
