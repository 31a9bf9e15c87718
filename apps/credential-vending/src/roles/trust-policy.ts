import { readPolicy } from '../common/policy-documents';

export const DEFAULT_MAX_SESSION_DURATION = 3600;

/** A trust policy: Principal required, no Resource, at most 2,048 characters (IAM's default quota). */
export function readTrustPolicy(text: string) {
  return readPolicy(text, 'trust', { limit: 'trustPolicy', quotaName: 'ACLSizePerRole' });
}

/** A path prefix as a LIKE pattern: its own %, _ and \ match themselves. */
export function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
