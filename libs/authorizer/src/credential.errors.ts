/**
 * Why temporary credentials were refused after the token was read. (Signature problems are
 * SigV4Error from @idfed/sigv4.) Protocol layers map the reason: Query APIs answer ExpiredToken
 * and InvalidClientTokenId, JSON APIs ExpiredTokenException and UnrecognizedClientException.
 */
export type CredentialFailure = 'expired' | 'invalid' | 'revoked' | 'unavailable';

export class CredentialError extends Error {
  constructor(
    readonly reason: CredentialFailure,
    message: string,
  ) {
    super(message);
    this.name = 'CredentialError';
  }
}

export const CredentialErrors = {
  expired: () => new CredentialError('expired', 'The security token included in the request is expired'),
  invalid: () => new CredentialError('invalid', 'The security token included in the request is invalid.'),
  /** AWS answers a revoked session like any token it no longer honours. */
  revoked: () => new CredentialError('revoked', 'The security token included in the request is invalid.'),
  unavailable: () =>
    new CredentialError('unavailable', 'Session revocations could not be checked; try again shortly.'),
};
