import { ContextValue } from '@idfed/policy';

/**
 * `aws:ResourceTag/<key>` (and `iam:ResourceTag/<key>`) of the role an sts:AssumeRole* call asks
 * for (ADR 0066): its tags as stored, read with the role itself, so a trust policy (and, for a
 * role session's AssumeRole, the caller's identity policies) can allow only roles tagged so.
 */
export function roleResourceTagContext(
  tags: readonly { Key: string; Value: string }[],
): Record<string, ContextValue> {
  const out: Record<string, ContextValue> = {};
  for (const t of tags) {
    out[`aws:ResourceTag/${t.Key}`] = t.Value;
    out[`iam:ResourceTag/${t.Key}`] = t.Value;
  }
  return out;
}
