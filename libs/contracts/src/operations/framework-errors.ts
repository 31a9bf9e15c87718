/**
 * Errors no operation's model lists because the AWS frameworks answer them for any operation:
 * signature and protocol failures, throttling, bad input caught at the edge, and the service's own
 * faults. Each protocol has its own names for them.
 */
export const JSON_FRAMEWORK_ERRORS = [
  'AccessDeniedException',
  'IncompleteSignatureException',
  'InternalErrorException',
  'InternalServerException',
  'InvalidParameterException',
  'InvalidSignatureException',
  'MissingAuthenticationTokenException',
  'RequestEntityTooLargeException',
  'SerializationException',
  'ServiceUnavailable',
  'ThrottlingException',
  'TooManyRequestsException',
  'UnknownOperationException',
  'UnrecognizedClientException',
  'ValidationException',
] as const;

export const QUERY_FRAMEWORK_ERRORS = [
  'AccessDenied',
  'ExpiredToken',
  'IncompleteSignature',
  'InternalFailure',
  'InvalidAction',
  'InvalidClientTokenId',
  'InvalidParameterCombination',
  'InvalidParameterValue',
  'MalformedQueryString',
  'MissingAction',
  'MissingAuthenticationToken',
  'MissingParameter',
  'RequestExpired',
  'ServiceUnavailable',
  'SignatureDoesNotMatch',
  'Throttling',
  'ValidationError',
] as const;

export type JsonFrameworkError = (typeof JSON_FRAMEWORK_ERRORS)[number];
export type QueryFrameworkError = (typeof QUERY_FRAMEWORK_ERRORS)[number];
