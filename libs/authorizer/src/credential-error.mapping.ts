import { AwsError, jsonSigV4Error, querySigV4Error } from '@idfed/aws-protocol';
import { CredentialError } from './credential.errors';
import { SigV4Error } from '@idfed/sigv4';

/**
 * Authentication failures under the Query APIs' common error codes: SigV4 problems as the
 * aws-protocol table says, an expired session as ExpiredToken, an unreadable or revoked one as
 * InvalidClientTokenId (what AWS answers for credentials it no longer honours), and a revocation
 * list too old to trust as ServiceUnavailable, which the SDKs retry.
 */
export function queryAuthError(err: unknown): unknown {
  if (err instanceof SigV4Error) return querySigV4Error(err);
  if (err instanceof CredentialError) {
    switch (err.reason) {
      case 'expired':
        return new AwsError('ExpiredToken', err.message);
      case 'unavailable':
        return new AwsError('ServiceUnavailable', err.message);
      case 'invalid':
      case 'revoked':
        return new AwsError('InvalidClientTokenId', err.message);
    }
  }
  return err;
}

/**
 * The same failures under the JSON and REST-JSON family's names (Cognito Sync): ExpiredTokenException
 * for an expired session, UnrecognizedClientException for a token AWS would not honour.
 */
export function jsonAuthError(err: unknown): unknown {
  if (err instanceof SigV4Error) return jsonSigV4Error(err);
  if (err instanceof CredentialError) {
    switch (err.reason) {
      case 'expired':
        return new AwsError('ExpiredTokenException', err.message);
      case 'unavailable':
        return new AwsError('ServiceUnavailable', err.message);
      case 'invalid':
      case 'revoked':
        return new AwsError('UnrecognizedClientException', err.message);
    }
  }
  return err;
}
