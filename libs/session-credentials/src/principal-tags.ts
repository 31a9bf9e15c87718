import { SessionTag } from './session-claims';

/**
 * `aws:PrincipalTag/<key>` for a role session: the role's own tags, overridden by session tags of
 * the same key (keys compare case-insensitively), as IAM evaluates a session's principal tags
 * (ADR 0041). Shared by the authorizer and STS role chaining.
 */
export function principalTagContext(
  roleTags: readonly { Key: string; Value?: string }[] | undefined,
  sessionTags: readonly SessionTag[] | undefined,
): Record<string, string> {
  const byKey = new Map<string, SessionTag>();
  for (const t of roleTags ?? []) byKey.set(t.Key.toLowerCase(), { Key: t.Key, Value: t.Value ?? '' });
  for (const t of sessionTags ?? []) byKey.set(t.Key.toLowerCase(), t);
  const out: Record<string, string> = {};
  for (const t of byKey.values()) out[`aws:PrincipalTag/${t.Key}`] = t.Value;
  return out;
}

/** Condition keys a caller may not supply in an authorization context: the principal's tags. */
export function isPrincipalTagKey(key: string): boolean {
  return key.toLowerCase().startsWith('aws:principaltag/');
}
