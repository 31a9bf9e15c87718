import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, RolePolicyAttachmentRequest } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { IamErrors } from '../common/iam-errors';
import { RolePolicyAttachmentEntity } from '../database/entities';
import { ManagedPolicyLookup } from '../policies/managed-policy.lookup';
import { RoleLookup } from './role.lookup';
import { validateAttachment } from './role-policy-requests';

@Injectable()
export class DetachRolePolicyHandler implements OperationHandler<
  typeof CredentialVendingOperations.DetachRolePolicy
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
      const result = await m.delete(RolePolicyAttachmentEntity, {
        roleId: role.roleId,
        policyId: policy.policyId,
      });
      if (!result.affected) throw IamErrors.policyNotAttached(req.PolicyArn);
    });
    return {};
  }
}
