import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, RolePolicyAttachmentRequest } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { Transactions } from '@idfed/persistence';
import { IamErrors } from '../common/iam-errors';
import { ManagedPoliciesRepository } from '../policies/managed-policies.repository';
import { ManagedPolicyLookup } from '../policies/managed-policy.lookup';
import { RoleLookup } from './role.lookup';
import { MAX_ATTACHED_POLICIES_PER_ROLE, validateAttachment } from './role-policy-requests';

@Injectable()
export class AttachRolePolicyHandler implements OperationHandler<
  typeof CredentialVendingOperations.AttachRolePolicy
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(ManagedPoliciesRepository) private readonly attachments: ManagedPoliciesRepository,
    @Inject(RoleLookup) private readonly roles: RoleLookup,
    @Inject(ManagedPolicyLookup) private readonly policies: ManagedPolicyLookup,
  ) {}

  async execute(req: RolePolicyAttachmentRequest): Promise<EmptyResult> {
    validateAttachment(req);
    // The role's row stays locked until commit: attachments of one role, and its deletion, take turns.
    await this.transactions.run(async (tx) => {
      const role = await this.roles.require(req.RoleName, tx, true);
      const policy = await this.policies.requireByArn(req.PolicyArn, tx);
      const attached = await this.attachments.attachedCountOf(role.roleId, tx);
      if (await this.attachments.isAttached(role.roleId, policy.policyId, tx)) return; // a no-op in IAM
      if (attached >= MAX_ATTACHED_POLICIES_PER_ROLE) {
        throw IamErrors.limitExceeded('PoliciesPerRole', MAX_ATTACHED_POLICIES_PER_ROLE);
      }
      // A DeletePolicy that committed after the policy was read leaves nothing to attach to.
      if ((await this.attachments.attach(role.roleId, policy.policyId, tx)) === 'policy-gone') {
        throw IamErrors.noSuchPolicy(req.PolicyArn);
      }
    });
    return {};
  }
}
