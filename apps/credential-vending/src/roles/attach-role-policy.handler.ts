import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, RolePolicyAttachmentRequest } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { IamErrors } from '../common/iam-errors';
import { RolePolicyAttachmentEntity } from '../database/entities';
import { ManagedPolicyLookup } from '../policies/managed-policy.lookup';
import { RoleLookup } from './role.lookup';
import { MAX_ATTACHED_POLICIES_PER_ROLE, validateAttachment } from './role-policy-requests';

@Injectable()
export class AttachRolePolicyHandler implements OperationHandler<
  typeof CredentialVendingOperations.AttachRolePolicy
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(RoleLookup) private readonly roles: RoleLookup,
    @Inject(ManagedPolicyLookup) private readonly policies: ManagedPolicyLookup,
  ) {}

  async execute(req: RolePolicyAttachmentRequest): Promise<EmptyResult> {
    validateAttachment(req);
    await this.dataSource.transaction(async (m) => {
      const role = await this.roles.require(req.RoleName, m, true);
      const policy = await this.policies.requireByArn(req.PolicyArn, m);
      const attached = await m.count(RolePolicyAttachmentEntity, { where: { roleId: role.roleId } });
      const already = await m.exists(RolePolicyAttachmentEntity, {
        where: { roleId: role.roleId, policyId: policy.policyId },
      });
      if (already) return; // attaching twice is a no-op in IAM
      if (attached >= MAX_ATTACHED_POLICIES_PER_ROLE) {
        throw IamErrors.limitExceeded('PoliciesPerRole', MAX_ATTACHED_POLICIES_PER_ROLE);
      }
      await m.insert(RolePolicyAttachmentEntity, {
        roleId: role.roleId,
        policyId: policy.policyId,
        attachedAt: new Date(),
      });
    });
    return {};
  }
}
