/**
 * IAM's create operations that take `Tags`, and the tagging action each also needs when tags are
 * passed: AWS decides the create and the tagging separately (IAM User Guide, "Permissions required
 * for tagging IAM resources"), so a caller allowed `iam:CreateUser` but not `iam:TagUser` cannot
 * create a tagged user.
 */
const TAGGING_ACTION_OF_CREATE: Readonly<Record<string, string>> = {
  CreateUser: 'iam:TagUser',
  CreateRole: 'iam:TagRole',
  CreatePolicy: 'iam:TagPolicy',
  CreateOpenIDConnectProvider: 'iam:TagOpenIDConnectProvider',
  CreateSAMLProvider: 'iam:TagSAMLProvider',
  CreateVirtualMFADevice: 'iam:TagMFADevice',
  CreateInstanceProfile: 'iam:TagInstanceProfile',
  UploadServerCertificate: 'iam:TagServerCertificate',
};

/** The tagging action an IAM create request also needs (ADR 0065), or undefined without tags. */
export function taggingActionOf(operation: string, payload: unknown): string | undefined {
  const action = TAGGING_ACTION_OF_CREATE[operation];
  if (!action) return undefined;
  const tags = (typeof payload === 'object' && payload !== null ? payload : {}) as { Tags?: unknown };
  return Array.isArray(tags.Tags) && tags.Tags.length > 0 ? action : undefined;
}
