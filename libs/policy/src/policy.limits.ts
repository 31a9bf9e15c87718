import { PolicyDocument } from './policy.types';

/**
 * IAM size quotas, in characters, "not counting white space" ("IAM and AWS STS quotas"). They are
 * exported rather than enforced by the parser because which one applies depends on the API: the
 * same document can be an inline role policy (10,240) or a managed policy (6,144).
 *
 * Session policies are also limited by STS's opaque "packed" binary size, reported as
 * PackedPolicySize percent; that encoding is not public, so callers get the plaintext limit here
 * and must approximate packing themselves.
 */
export const POLICY_SIZE_LIMITS = {
  inlineUserPolicy: 2048,
  inlineGroupPolicy: 5120,
  inlineRolePolicy: 10240,
  managedPolicy: 6144,
  trustPolicy: 2048,
  sessionPolicy: 2048,
} as const;

export type PolicySizeLimit = keyof typeof POLICY_SIZE_LIMITS;

/** True when the document fits the named quota (whitespace between JSON tokens not counted). */
export function fitsSizeLimit(policy: PolicyDocument, limit: PolicySizeLimit): boolean {
  return policy.size.withoutWhitespace <= POLICY_SIZE_LIMITS[limit];
}
