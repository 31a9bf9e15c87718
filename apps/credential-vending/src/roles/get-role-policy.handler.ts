import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, GetRolePolicyResult, RolePolicyRequest } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { IamErrors } from '../common/iam-errors';
import { urlEncodedDocument } from '../common/policy-documents';
import { RoleInlinePolicyEntity } from '../database/entities';
import { RoleLookup } from './role.lookup';
import { validateRolePolicyNames } from './role-policy-requests';

@Injectable()
export class GetRolePolicyHandler implements OperationHandler<
  typeof CredentialVendingOperations.GetRolePolicy
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(RoleLookup) private readonly roles: RoleLookup,
  ) {}

  async execute(req: RolePolicyRequest): Promise<GetRolePolicyResult> {
    validateRolePolicyNames(req, true);
    const role = await this.roles.require(req.RoleName);
    const policy = await this.dataSource.manager.findOne(RoleInlinePolicyEntity, {
      where: { roleId: role.roleId, policyName: req.PolicyName },
    });
    if (!policy) throw IamErrors.noSuchRolePolicy(role.name, req.PolicyName);
    return {
      RoleName: role.name,
      PolicyName: policy.policyName,
      PolicyDocument: urlEncodedDocument(policy.document),
    };
  }
}
