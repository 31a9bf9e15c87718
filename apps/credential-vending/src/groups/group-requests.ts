import { Patterns, RequestValidator } from '../common/validate';

/** IAM's default quotas for groups (docs: "IAM and AWS STS quotas"). */
export const MAX_GROUPS_PER_USER = 10;
export const MAX_ATTACHED_POLICIES_PER_GROUP = 10;

/** GroupName as botocore's groupNameType: 1-128 of `[\w+=,.@-]`. */
export function validateGroupName(req: object, field = 'GroupName', required = true): void {
  RequestValidator.of(req).string(field, { required, min: 1, max: 128, pattern: Patterns.userName }).check();
}

export function validateGroupPolicyName(req: object): void {
  validateGroupName(req);
  RequestValidator.of(req)
    .string('PolicyName', { required: true, min: 1, max: 128, pattern: Patterns.policyName })
    .check();
}

export function validateGroupAttachment(req: object): void {
  validateGroupName(req);
  RequestValidator.of(req).string('PolicyArn', { required: true, min: 20, max: 2048 }).check();
}

export function validatePage(req: object): void {
  RequestValidator.of(req)
    .string('Marker', { min: 1, max: 320 })
    .integer('MaxItems', { min: 1, max: 1000 })
    .check();
}
