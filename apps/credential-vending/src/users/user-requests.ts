import { IamErrors } from '../common/iam-errors';
import { Patterns, RequestValidator } from '../common/validate';

/** IAM's default quotas for users (docs: "IAM and AWS STS quotas"). */
export const ACCESS_KEYS_PER_USER = 2;
export const MAX_ATTACHED_POLICIES_PER_USER = 10;

/** UserName as botocore's existingUserNameType / userNameType: 1-64 of `[\w+=,.@-]`. */
export function validateUserName(req: object, field = 'UserName', required = true): void {
  RequestValidator.of(req).string(field, { required, min: 1, max: 64, pattern: Patterns.userName }).check();
}

export function validateUserPolicyName(req: object): void {
  validateUserName(req);
  RequestValidator.of(req)
    .string('PolicyName', { required: true, min: 1, max: 128, pattern: Patterns.policyName })
    .check();
}

export function validateUserAttachment(req: object, field = 'PolicyArn'): void {
  validateUserName(req);
  RequestValidator.of(req).string(field, { required: true, min: 20, max: 2048 }).check();
}

export function validateAccessKeyId(req: object): void {
  RequestValidator.of(req)
    .string('AccessKeyId', { required: true, min: 16, max: 128, pattern: Patterns.accessKeyId })
    .check();
}

/**
 * The admin key is the account's root, not an IAM user: the forms of CreateAccessKey, ListAccessKeys,
 * UpdateAccessKey and DeleteAccessKey that name no user (and so the caller) have no user to act on.
 */
export function requireNamedUser(userName: string | undefined): string {
  if (userName === undefined) {
    throw IamErrors.validation(
      'UserName is required: the admin key is the account root, which has no IAM user of its own.',
    );
  }
  return userName;
}
