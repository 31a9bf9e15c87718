import { MalformedPolicyDocumentError, PolicyErrors } from './policy.errors';
import { PrincipalBlock, PrincipalEntry, PrincipalType, RequestPrincipal } from './policy.types';

/**
 * Principal / NotPrincipal ("IAM JSON policy elements: Principal").
 *
 * Matching rules:
 * - `"Principal": "*"` matches everyone, including a request with no principal (anonymous).
 * - `{"AWS": "*"}` matches any AWS principal. (IAM documents it as equivalent to "*"; we keep it to
 *   AWS principals so that a trust policy written for IAM callers does not also admit web
 *   identities — the narrower reading can only deny what the broader one would allow.)
 * - An account id or "arn:...:iam::<account>:root" matches every AWS principal of that account.
 * - A role ARN also matches that role's sessions ("arn:...:sts::<account>:assumed-role/<name>/<session>"),
 *   which is how resource policies naming a role apply to the callers using it.
 * - Other AWS ARNs match exactly. IAM forbids wildcards in principal ARNs and so do we.
 * - Federated and Service values compare case-insensitively (they are host names or provider
 *   ARNs whose host part is case-insensitive); CanonicalUser compares exactly.
 */

const PRINCIPAL_TYPES: readonly PrincipalType[] = ['AWS', 'Federated', 'Service', 'CanonicalUser'];
const ACCOUNT_ID = /^\d{12}$/;
const AWS_PRINCIPAL_ARN = /^arn:[a-z0-9-]+:(iam|sts)::(\d{12}):(.+)$/;

export function parsePrincipal(value: unknown, negated: boolean, path: string): PrincipalBlock {
  const element = negated ? 'NotPrincipal' : 'Principal';
  if (value === '*') return { negated, wildcard: true, entries: [] };
  if (typeof value === 'string') {
    throw new MalformedPolicyDocumentError(PolicyErrors.invalidPrincipal(JSON.stringify(value)), path);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MalformedPolicyDocumentError(PolicyErrors.syntax, `${path}.${element}`);
  }
  const entries: PrincipalEntry[] = [];
  for (const [type, raw] of Object.entries(value as Record<string, unknown>)) {
    if (!PRINCIPAL_TYPES.includes(type as PrincipalType)) {
      throw new MalformedPolicyDocumentError(
        PolicyErrors.invalidPrincipal(`${JSON.stringify(type)}:${JSON.stringify(raw)}`),
        path,
      );
    }
    const list = typeof raw === 'string' ? [raw] : raw;
    if (!Array.isArray(list) || list.length === 0 || !list.every((v) => typeof v === 'string')) {
      throw new MalformedPolicyDocumentError(PolicyErrors.syntax, `${path}.${element}.${type}`);
    }
    const values = list.map((v) => normalizeValue(type as PrincipalType, v, path));
    entries.push({ type: type as PrincipalType, values });
  }
  if (entries.length === 0) {
    throw new MalformedPolicyDocumentError(PolicyErrors.syntax, `${path}.${element}`);
  }
  return { negated, wildcard: false, entries };
}

function normalizeValue(type: PrincipalType, value: string, path: string): string {
  const invalid = () =>
    new MalformedPolicyDocumentError(
      PolicyErrors.invalidPrincipal(`${JSON.stringify(type)}:${JSON.stringify(value)}`),
      path,
    );
  if (value === '*') {
    // Only the AWS type has a documented "everyone" form.
    if (type === 'AWS') return value;
    throw invalid();
  }
  if (value === '' || value.includes('*') || value.includes('?')) throw invalid();
  if (type === 'AWS') {
    if (ACCOUNT_ID.test(value)) return `arn:aws:iam::${value}:root`;
    if (!AWS_PRINCIPAL_ARN.test(value)) throw invalid();
    return value;
  }
  if (type === 'Federated' || type === 'Service') return value.toLowerCase();
  return value;
}

export function principalMatches(block: PrincipalBlock, principal: RequestPrincipal | undefined): boolean {
  const inList =
    block.wildcard || (principal !== undefined && block.entries.some((e) => entryMatches(e, principal)));
  return block.negated ? !inList : inList;
}

function entryMatches(entry: PrincipalEntry, principal: RequestPrincipal): boolean {
  if (entry.type !== principal.type) return false;
  switch (entry.type) {
    case 'AWS': {
      const id = ACCOUNT_ID.test(principal.id) ? `arn:aws:iam::${principal.id}:root` : principal.id;
      return entry.values.some((v) => awsValueMatches(v, id));
    }
    case 'Federated':
    case 'Service': {
      const id = principal.id.toLowerCase();
      return entry.values.includes(id);
    }
    case 'CanonicalUser':
      return entry.values.includes(principal.id);
  }
}

function awsValueMatches(policyValue: string, principalArn: string): boolean {
  if (policyValue === '*' || policyValue === principalArn) return true;
  const policy = AWS_PRINCIPAL_ARN.exec(policyValue);
  const caller = AWS_PRINCIPAL_ARN.exec(principalArn);
  if (!policy || !caller) return false;
  const [, , policyAccount, policyResource] = policy;
  const [, callerService, callerAccount, callerResource] = caller;
  if (policyAccount !== callerAccount) return false;
  if (policyResource === 'root') return true;
  if (
    callerService === 'sts' &&
    policyResource.startsWith('role/') &&
    callerResource.startsWith('assumed-role/')
  ) {
    // role/path/to/Name matches assumed-role/Name/<session>: session ARNs drop the role's path.
    const roleName = policyResource.slice(policyResource.lastIndexOf('/') + 1);
    const sessionRole = callerResource.split('/')[1];
    return roleName === sessionRole;
  }
  return false;
}
