import { Patterns, RequestValidator } from '../common/validate';

/** IAM's quota of tags per role. */
export const MAX_ROLE_TAGS = 50;

/** RoleName as the role tag actions check it. */
export const roleName = (v: RequestValidator) =>
  v.string('RoleName', { required: true, min: 1, max: 64, pattern: Patterns.roleName });
