/**
 * The one table from AWS error name to the HTTP status idfed sends, for every protocol.
 *
 * Statuses follow what AWS actually puts on the wire, not the `httpError` traits of the Smithy
 * models: the awsJson1_1 protocol ignores those traits, and Cognito answers 400 for client faults
 * the model tags 403/404/429 (NotAuthorizedException, UserNotFoundException,
 * ResourceNotFoundException, TooManyRequestsException). The SDKs pick the exception class from the
 * error name, and retry on the name (throttling) or on 5xx, so the name is what matters most and a
 * status that differs from AWS would only surprise code that inspects `$metadata.httpStatusCode`.
 *
 * Query (STS, IAM) error codes have no `Exception` suffix and keep their documented statuses.
 */
const ERROR_STATUS: Readonly<Record<string, number>> = {
  // Cognito user pools and the Coral (JSON 1.0/1.1) framework errors.
  InvalidParameterException: 400,
  ResourceNotFoundException: 400,
  NotAuthorizedException: 400,
  UsernameExistsException: 400,
  AliasExistsException: 400,
  GroupExistsException: 400,
  InvalidPasswordException: 400,
  UserNotConfirmedException: 400,
  UserNotFoundException: 400,
  CodeMismatchException: 400,
  ExpiredCodeException: 400,
  CodeDeliveryFailureException: 400,
  LimitExceededException: 400,
  TooManyRequestsException: 400,
  TooManyFailedAttemptsException: 400,
  InvalidUserPoolConfigurationException: 400,
  PasswordResetRequiredException: 400,
  UnsupportedOperationException: 400,
  ConcurrentModificationException: 400,
  UnrecognizedClientException: 400,
  InvalidSignatureException: 400,
  IncompleteSignatureException: 400,
  // Coral answers a missing Authorization with 400 (API Gateway's 403 is a REST-protocol habit).
  MissingAuthenticationTokenException: 400,
  AccessDeniedException: 400,
  ThrottlingException: 400,
  SerializationException: 400,
  UnknownOperationException: 400,
  ValidationException: 400,
  // The WAF-backed ForbiddenException is one of the few Cognito client faults sent as 403.
  ForbiddenException: 403,
  RequestEntityTooLargeException: 413,
  InternalErrorException: 500,
  InternalServerException: 500,
  ServiceUnavailable: 503,

  // Query protocol: common errors, then STS, then the IAM subset idfed serves.
  MissingAction: 400,
  InvalidAction: 400,
  InvalidParameterValue: 400,
  InvalidParameterCombination: 400,
  MissingParameter: 400,
  ValidationError: 400,
  MalformedQueryString: 404,
  IncompleteSignature: 400,
  MissingAuthenticationToken: 403,
  InvalidClientTokenId: 403,
  SignatureDoesNotMatch: 403,
  RequestExpired: 400,
  AccessDenied: 403,
  Throttling: 400,
  InternalFailure: 500,
  InvalidIdentityToken: 400,
  ExpiredTokenException: 400,
  // Temporary credentials past their expiration, on any Query API.
  ExpiredToken: 400,
  IDPRejectedClaim: 403,
  IDPCommunicationError: 400,
  MalformedPolicyDocument: 400,
  PackedPolicyTooLarge: 400,
  InvalidContextAssertion: 400,
  RegionDisabledException: 403,
  NoSuchEntity: 404,
  EntityAlreadyExists: 409,
  LimitExceeded: 409,
  DeleteConflict: 409,
  InvalidInput: 400,
  UnmodifiableEntity: 400,
  ConcurrentModification: 409,
  EntityTemporarilyUnmodifiable: 409,
  // IAM's EnableMFADevice / ResyncMFADevice with codes that are not the device's (ADR 0072).
  InvalidAuthenticationCode: 403,
  // IAM console passwords (ADR 0084).
  PasswordPolicyViolation: 400,
  InvalidUserType: 400,
  // IAM credential reports (ADR 0093; botocore's httpStatusCode of each).
  ReportNotPresent: 410,
  ReportExpired: 410,
  ReportInProgress: 404,
  ServiceFailure: 500,
  // The policy simulator's "could not be evaluated" (botocore: httpStatusCode 500, ADR 0073).
  PolicyEvaluation: 500,
  PolicyNotAttachable: 400,
  OpenIdIdpCommunicationError: 400,
  // Outbound identity federation (ADR 0086): botocore's httpStatusCode of each.
  FeatureEnabled: 409,
  FeatureDisabled: 404,
  OutboundWebIdentityFederationDisabledException: 403,
  SessionDurationEscalationException: 403,
  JWTPayloadSizeExceededException: 400,
  // UploadServerCertificate's refusals of the PEM it is given (ADR 0085; botocore: 400).
  MalformedCertificate: 400,
  KeyPairMismatch: 400,
  // UploadSigningCertificate's refusal of a certificate it cannot read (botocore: 400).
  InvalidCertificate: 400,
  // UploadSigningCertificate: a certificate already some user's in the account (botocore: 409).
  DuplicateCertificate: 409,
  // UploadSSHPublicKey's refusals (ADR 0085; botocore: 400).
  UnrecognizedPublicKeyEncoding: 400,
  InvalidPublicKey: 400,
  DuplicateSSHPublicKey: 400,
  // Service-specific credentials of a service that has none (ADR 0085; botocore: 404).
  NotSupportedService: 404,
};

/** A name the table lists, or one a service made up in AWS style (`...Exception`, a client fault). */
export function isKnownErrorName(name: string): boolean {
  return Object.hasOwn(ERROR_STATUS, name) || /^[A-Z][A-Za-z0-9]*Exception$/.test(name);
}

/** HTTP status for an AWS error name: the table, else 400 for any `...Exception`, else 500. */
export function errorStatus(name: string): number {
  if (Object.hasOwn(ERROR_STATUS, name)) return ERROR_STATUS[name];
  return /^[A-Z][A-Za-z0-9]*Exception$/.test(name) ? 400 : 500;
}

/** Query protocol `<Type>`: who is at fault, derived from the status so the two never disagree. */
export function errorFault(status: number): 'Sender' | 'Receiver' {
  return status >= 500 ? 'Receiver' : 'Sender';
}
