/** botocore: GetWebIdentityToken's DurationSeconds "If not specified, the default duration is 300 seconds". */
export const DEFAULT_IDENTITY_TOKEN_SECONDS = 300;

/**
 * The condition keys of an `sts:GetWebIdentityToken` decision (ADR 0086), from the request as the
 * gateway validated it: `sts:IdentityTokenAudience` (multivalued: policies use
 * `ForAllValues:` / `ForAnyValue:`), `sts:DurationSeconds` (the default when left out),
 * `sts:SigningAlgorithm`, and the request's tags as `aws:RequestTag/<key>` and `aws:TagKeys`. The
 * gateway decides an IAM user's request with them, credential vending a role session's.
 */
export function identityTokenContext(req: {
  Audience?: readonly string[];
  DurationSeconds?: number;
  SigningAlgorithm?: string;
  Tags?: readonly { Key: string; Value?: string }[];
}): Record<string, string | number | string[]> {
  const context: Record<string, string | number | string[]> = {
    'sts:IdentityTokenAudience': [...(req.Audience ?? [])],
    'sts:DurationSeconds': req.DurationSeconds ?? DEFAULT_IDENTITY_TOKEN_SECONDS,
  };
  if (req.SigningAlgorithm !== undefined) context['sts:SigningAlgorithm'] = req.SigningAlgorithm;
  const tags = req.Tags ?? [];
  if (tags.length) {
    for (const t of tags) context[`aws:RequestTag/${t.Key}`] = t.Value ?? '';
    context['aws:TagKeys'] = tags.map((t) => t.Key);
  }
  return context;
}
