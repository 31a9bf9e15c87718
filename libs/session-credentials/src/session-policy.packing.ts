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

export function packSessionPolicies(documents: readonly string[]): PackedPolicies {
  const bytes = documents.length === 0 ? 0 : deflateRawSync(Buffer.from(JSON.stringify(documents))).length;
  return { bytes, percent: Math.ceil((bytes * 100) / PACKED_POLICY_LIMIT_BYTES) };
}
