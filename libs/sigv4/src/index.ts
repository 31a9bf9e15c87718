/**
 * @idfed/sigv4: AWS Signature Version 4 verification (server side) and signing, on node:crypto
 * only. Protocol-neutral: callers map SigV4Error.reason to their wire error names.
 */
export type * from './types';
export type { SigV4FailureReason } from './errors';
export { SigV4Error } from './errors';
export { verifySigV4 } from './verify';
export { signRequest, presignRequest } from './sign';
export type { CanonicalRequestInput } from './canonical';
export {
  ALGORITHM,
  UNSIGNED_PAYLOAD,
  EMPTY_SHA256,
  canonicalRequest,
  credentialScope,
  stringToSign,
  signatureFor,
  sha256Hex,
} from './canonical';
export { deriveSigningKey, SigningKeyCache, signingKeyCache } from './signing-key';
export type { QueryParam } from './uri';
export { canonicalPath, canonicalQueryString, parseQuery, uriEncode } from './uri';
export { canonicalHeaderValue } from './headers';
export { formatAmzDate, parseAmzDate } from './time';
