import type { SigV4FailureReason } from '@idfed/sigv4';
import { AwsError } from './aws.error';

/**
 * SigV4 failures under the names each protocol family uses. The messages come from the verifier,
 * which already words them as AWS does and never includes the secret or the expected signature.
 *
 * JSON (Coral) services: a key nobody knows is UnrecognizedClientException, every signature, time
 * and scope problem is InvalidSignatureException ("Signature expired: ..." included), a header
 * that cannot be parsed is IncompleteSignatureException.
 */
const JSON_NAMES: Record<SigV4FailureReason, string> = {
  missing: 'MissingAuthenticationTokenException',
  incomplete: 'IncompleteSignatureException',
  malformed: 'IncompleteSignatureException',
  'unknown-access-key': 'UnrecognizedClientException',
  'signature-mismatch': 'InvalidSignatureException',
  skewed: 'InvalidSignatureException',
  expired: 'InvalidSignatureException',
  'scope-mismatch': 'InvalidSignatureException',
  'payload-hash-mismatch': 'InvalidSignatureException',
};

/**
 * Query services (STS, IAM) use the common error codes: InvalidClientTokenId for an unknown key,
 * SignatureDoesNotMatch for signature, scope and clock problems (STS says "Signature expired" under
 * that code too) and RequestExpired for a presigned request past its X-Amz-Expires.
 */
const QUERY_NAMES: Record<SigV4FailureReason, string> = {
  missing: 'MissingAuthenticationToken',
  incomplete: 'IncompleteSignature',
  malformed: 'IncompleteSignature',
  'unknown-access-key': 'InvalidClientTokenId',
  'signature-mismatch': 'SignatureDoesNotMatch',
  skewed: 'SignatureDoesNotMatch',
  expired: 'RequestExpired',
  'scope-mismatch': 'SignatureDoesNotMatch',
  'payload-hash-mismatch': 'SignatureDoesNotMatch',
};

export function jsonSigV4Error(failure: { reason: SigV4FailureReason; message: string }): AwsError {
  return new AwsError(JSON_NAMES[failure.reason], failure.message);
}

export function querySigV4Error(failure: { reason: SigV4FailureReason; message: string }): AwsError {
  return new AwsError(QUERY_NAMES[failure.reason], failure.message);
}
