import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  ListPolicyVersionsRequest,
  ListPolicyVersionsResult,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { decodeMarker, DEFAULT_MAX_ITEMS, encodeMarker } from '../common/page-marker';
import { RequestValidator } from '../common/validate';
import { ManagedPoliciesRepository } from './managed-policies.repository';
import { ManagedPolicyLookup } from './managed-policy.lookup';
import { toPolicyVersion } from './policy-version-shape';

/**
 * The versions of a customer managed policy, newest first, without documents (as IAM lists them).
 * There are at most five, so a page is cut from the whole list; the marker is the last id given.
 */
@Injectable()
export class ListPolicyVersionsHandler implements OperationHandler<
  typeof CredentialVendingOperations.ListPolicyVersions
> {
  constructor(
    @Inject(ManagedPoliciesRepository) private readonly repository: ManagedPoliciesRepository,
    @Inject(ManagedPolicyLookup) private readonly policies: ManagedPolicyLookup,
  ) {}

  async execute(req: ListPolicyVersionsRequest): Promise<ListPolicyVersionsResult> {
    RequestValidator.of(req)
      .string('Marker', { min: 1, max: 320 })
      .integer('MaxItems', { min: 1, max: 1000 })
      .check();
    const after = decodeMarker(req.Marker);
    const max = req.MaxItems ?? DEFAULT_MAX_ITEMS;
    const policy = await this.policies.requireByArn(req.PolicyArn);
    const all = await this.repository.versionsOf(policy.policyId);
    const start = after === undefined ? 0 : all.findIndex((v) => v.versionId === after) + 1;
    const page = all.slice(start, start + max);
    const truncated = start + max < all.length;
    return {
      Versions: page.map((v) => toPolicyVersion(v, policy.defaultVersionId)),
      IsTruncated: truncated,
      ...(truncated ? { Marker: encodeMarker(page[page.length - 1].versionId) } : {}),
    };
  }
}
