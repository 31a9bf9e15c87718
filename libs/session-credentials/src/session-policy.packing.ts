import { deflateRawSync } from 'node:zlib';

/**
 * STS packs session policies (inline Policy and the documents behind PolicyArns) into a compressed
 * binary form with a limit of its own and reports the fill level as PackedPolicySize (percent).
 * AWS's encoding is not public; idfed's is the deflated JSON list of the minified documents, the
 * same bytes that travel in the session token, with a 2,048-byte budget. Over it,
 * AssumeRole* answers PackedPolicyTooLarge, so a session token stays small.
 */
export const PACKED_POLICY_LIMIT_BYTES = 2048;

export interface PackedPolicies {
  bytes: number;
  /** PackedPolicySize: percent of the budget used, rounded up; over 100 means too large. */
  percent: number;
}

/**
 * Session tags count against the same budget (AWS: "the PackedPolicySize response element
 * indicates by percentage how close the policies and tags for your request are to the upper size
 * limit"): with tags, the packed form is the deflated JSON of the documents and the [key, value]
 * pairs together. Without tags the bytes are those of the documents alone, as before tags existed.
 */
export function packSessionPolicies(
  documents: readonly string[],
  tags: readonly { Key: string; Value: string }[] = [],
): PackedPolicies {
  const packed = tags.length ? [documents, tags.map((t) => [t.Key, t.Value])] : documents;
  const bytes =
    documents.length === 0 && tags.length === 0
      ? 0
      : deflateRawSync(Buffer.from(JSON.stringify(packed))).length;
  return { bytes, percent: Math.ceil((bytes * 100) / PACKED_POLICY_LIMIT_BYTES) };
}
