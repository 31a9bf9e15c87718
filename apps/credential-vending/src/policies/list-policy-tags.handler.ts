import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, ListPolicyTagsRequest, ListPolicyTagsResult } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { checkPaging, tagPage } from '../common/iam-tags';
import { RequestValidator } from '../common/validate';
import { ManagedPolicyLookup } from './managed-policy.lookup';
import { policyArn } from './tag-policy.handler';

/** IAM ListPolicyTags: the policy's tags in the order they were added, paged by MaxItems / Marker. */
@Injectable()
export class ListPolicyTagsHandler implements OperationHandler<
  typeof CredentialVendingOperations.ListPolicyTags
> {
  constructor(@Inject(ManagedPolicyLookup) private readonly policies: ManagedPolicyLookup) {}

  async execute(req: ListPolicyTagsRequest): Promise<ListPolicyTagsResult> {
    checkPaging(policyArn(RequestValidator.of(req))).check();
    const policy = await this.policies.requireByArn(req.PolicyArn);
    return tagPage(policy.tags, req);
  }
}
