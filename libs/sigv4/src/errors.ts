/**
 * Verification failures. The reason is protocol-neutral on purpose: a protocol layer maps it to
 * the wire error name (JSON APIs: InvalidSignatureException, UnrecognizedClientException, ...;
 * Query APIs: SignatureDoesNotMatch, InvalidClientTokenId, RequestExpired, ...).
 *
 * Messages mimic AWS wording so SDK users recognise them, but never carry the secret, the
 * expected signature or the canonical request: those would turn the error into a signing oracle.
 */
export type SigV4FailureReason =
  | 'missing'
  | 'incomplete'
  | 'malformed'
  | 'unknown-access-key'
  | 'signature-mismatch'
  | 'skewed'
  | 'expired'
  | 'scope-mismatch'
  | 'payload-hash-mismatch';

export class SigV4Error extends Error {
  constructor(
    readonly reason: SigV4FailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'SigV4Error';
  }
}

/**
 * Quotes a client-supplied value for an error message: bounded length and no control characters,
 * so a hostile request cannot forge log lines or bloat responses.
 */
export function quote(value: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, '?');
  return `'${clean.length > 128 ? `${clean.slice(0, 128)}...` : clean}'`;
}
