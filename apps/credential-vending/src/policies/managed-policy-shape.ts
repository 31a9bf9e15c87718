import { ManagedPolicy } from '@idfed/contracts';
import { awsTimestamp } from '../common/timestamps';
import { ManagedPolicyEntity } from '../database/entities';

export function toManagedPolicy(
  policy: ManagedPolicyEntity,
  attachmentCount: number,
  boundaryUses = 0,
): ManagedPolicy {
  return {
    PolicyName: policy.name,
    PolicyId: policy.policyId,
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: policy.defaultVersionId,
    AttachmentCount: attachmentCount,
    PermissionsBoundaryUsageCount: boundaryUses,
    IsAttachable: true,
    ...(policy.description ? { Description: policy.description } : {}),
    CreateDate: awsTimestamp(policy.createdAt),
    UpdateDate: awsTimestamp(policy.updatedAt),
    ...(policy.tags.length ? { Tags: policy.tags } : {}),
  };
}
