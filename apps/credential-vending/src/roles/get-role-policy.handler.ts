import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, GetRolePolicyResult, RolePolicyRequest } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { IamErrors } from '../common/iam-errors';
import { urlEncodedDocument } from '../common/policy-documents';
import { RoleLookup } from './role.lookup';
import { validateRolePolicyNames } from './role-policy-requests';
import { RolesRepository } from './roles.repository';

@Injectable()
export class GetRolePolicyHandler implements OperationHandler<
  typeof CredentialVendingOperations.GetRolePolicy
> {
  constructor(
    @Inject(RoleLookup) private readonly lookup: RoleLookup,
    @Inject(RolesRepository) private readonly roles: RolesRepository,
  ) {}

  async execute(req: RolePolicyRequest): Promise<GetRolePolicyResult> {
    validateRolePolicyNames(req, true);
    const role = await this.lookup.require(req.RoleName);
    const policy = await this.roles.findInlinePolicy(role.roleId, req.PolicyName);
    if (!policy) throw IamErrors.noSuchRolePolicy(role.name, req.PolicyName);
    return {
      RoleName: role.name,
      PolicyName: policy.policyName,
      PolicyDocument: urlEncodedDocument(policy.document),
    };
  }
}
