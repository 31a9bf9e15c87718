import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, GetGroupPolicyResult, GroupPolicyRequest } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { IamErrors } from '../common/iam-errors';
import { urlEncodedDocument } from '../common/policy-documents';
import { validateGroupPolicyName } from './group-requests';
import { GroupLookup } from './group.lookup';
import { GroupsRepository } from './groups.repository';

@Injectable()
export class GetGroupPolicyHandler implements OperationHandler<
  typeof CredentialVendingOperations.GetGroupPolicy
> {
  constructor(
    @Inject(GroupLookup) private readonly lookup: GroupLookup,
    @Inject(GroupsRepository) private readonly groups: GroupsRepository,
  ) {}

  async execute(req: GroupPolicyRequest): Promise<GetGroupPolicyResult> {
    validateGroupPolicyName(req);
    const group = await this.lookup.require(req.GroupName);
    const document = await this.groups.findInlinePolicy(group.groupId, req.PolicyName);
    if (document === undefined) throw IamErrors.noSuchGroupPolicy(group.name, req.PolicyName);
    return {
      GroupName: group.name,
      PolicyName: req.PolicyName,
      PolicyDocument: urlEncodedDocument(document),
    };
  }
}
