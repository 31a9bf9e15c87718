/**
 * The pure SigV4 building blocks: canonical request, string to sign, signature. Shared by the
 * verifier and the signer so both sides cannot drift apart.
 */
import { createHash, createHmac } from 'node:crypto';
import { canonicalHeadersBlock, HeaderIndex, indexHeaders } from './headers';
import { HttpRequestParts } from './types';
import { canonicalPath, canonicalQueryString, parseQuery, QueryParam } from './uri';

export const ALGORITHM = 'AWS4-HMAC-SHA256';
export const TERMINATOR = 'aws4_request';
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
export const SIGNATURE_PARAM = 'X-Amz-Signature';
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export function sha256Hex(data: Buffer | string): string {
  if (data.length === 0) return EMPTY_SHA256;
  return createHash('sha256').update(data).digest('hex');
}

export interface CanonicalRequestInput {
  method: string;
  /** Raw path as received (or as it will be sent). */
  path: string;
  /** Raw query string, or parameters already parsed with parseQuery. */
  query: string | readonly QueryParam[];
  headers: HttpRequestParts['headers'] | HeaderIndex;
  /** Lowercase header names, sorted, as they appear in SignedHeaders. */
  signedHeaders: readonly string[];
  /** Hex SHA-256 of the payload, or UNSIGNED-PAYLOAD. */
  payloadHash: string;
  /** Default true; false for S3. */
  normalizePath?: boolean;
  /** Presigned form: X-Amz-Signature is not part of what it signs. */
  presigned?: boolean;
}

export function canonicalRequest(input: CanonicalRequestInput): string {
  const params = typeof input.query === 'string' ? parseQuery(input.query) : input.query;
  const headers = input.headers instanceof Map ? input.headers : indexHeaders(input.headers);
  return (
    `${input.method}\n` +
    `${canonicalPath(input.path, input.normalizePath ?? true)}\n` +
    `${canonicalQueryString(params, input.presigned ? SIGNATURE_PARAM : undefined)}\n` +
    canonicalHeadersBlock(headers, input.signedHeaders) +
    `\n${input.signedHeaders.join(';')}\n` +
    input.payloadHash
  );
}

export function credentialScope(date: string, region: string, service: string): string {
  return `${date}/${region}/${service}/${TERMINATOR}`;
}

/** `amzDate` is the ISO 8601 basic timestamp (20150830T123600Z); `scope` from credentialScope. */
export function stringToSign(amzDate: string, scope: string, canonicalRequestText: string): string {
  return `${ALGORITHM}\n${amzDate}\n${scope}\n${sha256Hex(canonicalRequestText)}`;
}

/** Final step: hex HMAC of the string to sign under the derived signing key. */
export function signatureFor(signingKey: Buffer, stringToSignText: string): string {
  return createHmac('sha256', signingKey).update(stringToSignText).digest('hex');
}
