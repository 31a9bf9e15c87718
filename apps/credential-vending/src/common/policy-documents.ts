import {
  MalformedPolicyDocumentError,
  parsePolicy,
  POLICY_SIZE_LIMITS,
  PolicyDocument,
  PolicyKind,
  PolicySizeLimit,
} from '@idfed/policy';
import { IamErrors } from './iam-errors';

/**
 * Parses a policy document for IAM or STS: a MalformedPolicyDocument carrying the policy library's
 * reason when it is not valid, LimitExceeded when it is over the quota (whitespace not counted).
 */
export function readPolicy(
  text: string,
  kind: PolicyKind,
  options: { label?: string; limit?: PolicySizeLimit; quotaName?: string } = {},
): PolicyDocument {
  let policy: PolicyDocument;
  try {
    policy = parsePolicy(text, { kind, label: options.label });
  } catch (err) {
    if (err instanceof MalformedPolicyDocumentError) throw IamErrors.malformedPolicy(err.message);
    throw err;
  }
  if (options.limit && policy.size.withoutWhitespace > POLICY_SIZE_LIMITS[options.limit]) {
    throw IamErrors.limitExceeded(options.quotaName ?? 'PolicySize', POLICY_SIZE_LIMITS[options.limit]);
  }
  return policy;
}

/** The document as IAM returns it in GetRole, GetRolePolicy...: URL-encoded. */
export function urlEncodedDocument(text: string): string {
  return encodeURIComponent(text);
}
