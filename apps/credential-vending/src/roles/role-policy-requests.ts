import { Patterns, RequestValidator } from '../common/validate';

/** IAM's default quota of managed policies attached to one role. */
export const MAX_ATTACHED_POLICIES_PER_ROLE = 10;

/** RoleName, and PolicyName for the inline-policy actions, checked as IAM does. */
export function validateRolePolicyNames(req: object, withPolicyName: boolean): void {
  const v = RequestValidator.of(req).string('RoleName', {
    required: true,
    min: 1,
    max: 64,
    pattern: Patterns.roleName,
  });
  if (withPolicyName)
    v.string('PolicyName', { required: true, min: 1, max: 128, pattern: Patterns.policyName });
  v.check();
}

export function validateAttachment(req: object): void {
  validateRolePolicyNames(req, false);
  RequestValidator.of(req).string('PolicyArn', { required: true, min: 20, max: 2048 }).check();
}
