import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, PolicyArnRequest } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { IamErrors } from '../common/iam-errors';
import { ManagedPolicyEntity, RolePolicyAttachmentEntity } from '../database/entities';
import { ManagedPolicyLookup } from './managed-policy.lookup';

/** Like IAM: a policy still attached to a role cannot be deleted (DeleteConflict). */
@Injectable()
export class DeletePolicyHandler implements OperationHandler<
  typeof CredentialVendingOperations.DeletePolicy
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ManagedPolicyLookup) private readonly policies: ManagedPolicyLookup,
  ) {}

  async execute(req: PolicyArnRequest): Promise<EmptyResult> {
    await this.dataSource.transaction(async (m) => {
      const policy = await this.policies.requireByArn(req.PolicyArn, m, true);
      if (await m.exists(RolePolicyAttachmentEntity, { where: { policyId: policy.policyId } })) {
        throw IamErrors.policyInUse();
      }
      await m.delete(ManagedPolicyEntity, { policyId: policy.policyId });
    });
    return {};
  }
}
