import { SigV4Error, SigV4FailureReason } from '@idfed/sigv4';
import { jsonSigV4Error, querySigV4Error } from './sigv4-error.mapping';

describe('SigV4 failures on the wire', () => {
  it.each<[SigV4FailureReason, string, number]>([
    ['missing', 'MissingAuthenticationTokenException', 400],
    ['incomplete', 'IncompleteSignatureException', 400],
    ['malformed', 'IncompleteSignatureException', 400],
    ['unknown-access-key', 'UnrecognizedClientException', 400],
    ['signature-mismatch', 'InvalidSignatureException', 400],
    ['skewed', 'InvalidSignatureException', 400],
    ['expired', 'InvalidSignatureException', 400],
    ['scope-mismatch', 'InvalidSignatureException', 400],
    ['payload-hash-mismatch', 'InvalidSignatureException', 400],
  ])('JSON: %s -> %s (%i)', (reason, name, status) => {
    const error = jsonSigV4Error(new SigV4Error(reason, 'the verifier message'));
    expect(error).toMatchObject({ errorName: name, status, message: 'the verifier message' });
  });

  it.each<[SigV4FailureReason, string, number]>([
    ['missing', 'MissingAuthenticationToken', 403],
    ['incomplete', 'IncompleteSignature', 400],
    ['unknown-access-key', 'InvalidClientTokenId', 403],
    ['signature-mismatch', 'SignatureDoesNotMatch', 403],
    ['skewed', 'SignatureDoesNotMatch', 403],
    ['expired', 'RequestExpired', 400],
  ])('Query: %s -> %s (%i)', (reason, name, status) => {
    expect(querySigV4Error({ reason, message: 'm' })).toMatchObject({ errorName: name, status });
  });
});
