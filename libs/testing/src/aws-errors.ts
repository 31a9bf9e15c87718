/**
 * The HTTP status a client sees with each AWS error name, as AWS documents and sends it: Cognito's
 * JSON APIs answer every client fault with 400 (whatever the Smithy traits say), and the Query APIs
 * (STS, IAM) keep their per-error statuses. Query errors are listed under the name the SDK gives
 * them: the modelled ones with an `Exception` suffix (`NoSuchEntityException` for the wire's
 * `NoSuchEntity`), the others as sent (`AccessDenied`). IAM's LimitExceeded and
 * ConcurrentModification (409) share their SDK names with Cognito's 400 errors: pass the status.
 * Written from AWS's documentation, not read from the gateway's own table, so that a status the
 * gateway gets wrong fails a test.
 */
const WIRE_STATUS: Readonly<Record<string, number>> = {
  ForbiddenException: 403,
  RequestEntityTooLargeException: 413,
  InternalErrorException: 500,
  ServiceUnavailable: 503,
  AccessDenied: 403,
  InvalidClientTokenId: 403,
  SignatureDoesNotMatch: 403,
  MissingAuthenticationToken: 403,
  IDPRejectedClaimException: 403,
  NoSuchEntityException: 404,
  EntityAlreadyExistsException: 409,
  DeleteConflictException: 409,
  InvalidAuthenticationCodeException: 403,
  // Outbound identity federation (botocore's httpStatusCode of each).
  FeatureEnabledException: 409,
  FeatureDisabledException: 404,
  OutboundWebIdentityFederationDisabledException: 403,
  SessionDurationEscalationException: 403,
  // IAM credential reports (IAM API reference, GetCredentialReport).
  CredentialReportNotPresentException: 410,
  CredentialReportExpiredException: 410,
  CredentialReportNotReadyException: 404,
};

/** Every other error name is a client fault sent as 400. */
export function wireStatusOf(name: string): number {
  return Object.hasOwn(WIRE_STATUS, name) ? WIRE_STATUS[name] : 400;
}

/**
 * An error as the clients raise it: the AWS SDK v3 (`name`, `$metadata.httpStatusCode`) or
 * amazon-cognito-identity-js (`code` and `name`, no status).
 */
export interface AwsClientError extends Error {
  code?: string;
  $metadata?: { httpStatusCode?: number };
}

export interface ExpectedAwsError {
  /** The whole message, or a pattern it must match. */
  message?: string | RegExp;
  /** When the status differs from what AWS sends with this name (rare: say why where it is used). */
  status?: number;
}

/** What is wrong with `err` as the error `name`, or undefined when it is that error. */
export function awsErrorMismatch(
  err: unknown,
  name: string,
  expected: ExpectedAwsError = {},
): string | undefined {
  if (!(err instanceof Error) && (typeof err !== 'object' || err === null)) {
    return `expected ${name}, got a thrown ${typeof err}: ${String(err)}`;
  }
  const e = err as AwsClientError;
  const problems: string[] = [];
  if (e.name !== name) problems.push(`name ${JSON.stringify(e.name)}`);
  if (e.$metadata) {
    const status = expected.status ?? wireStatusOf(name);
    if (e.$metadata.httpStatusCode !== status) {
      problems.push(`HTTP status ${e.$metadata.httpStatusCode} instead of ${status}`);
    }
  } else if (e.code !== undefined) {
    if (e.code !== name) problems.push(`code ${JSON.stringify(e.code)}`);
  } else {
    problems.push('neither $metadata (AWS SDK) nor code (amazon-cognito-identity-js): not an AWS answer');
  }
  const message = expected.message;
  if (message !== undefined) {
    const matches = typeof message === 'string' ? e.message === message : message.test(e.message);
    if (!matches) problems.push(`message ${JSON.stringify(e.message)} instead of ${String(message)}`);
  }
  return problems.length ? `expected ${name}, got ${problems.join(', ')}` : undefined;
}

/**
 * Awaits a call that must fail with the AWS error `name`: the SDK's error name and the HTTP status
 * a client sees with it (or the identity-js `code`), and the message when one is given. Returns the
 * error for anything else the test checks on it.
 */
export async function expectAwsError(
  call: Promise<unknown>,
  name: string,
  expected: ExpectedAwsError | string | RegExp = {},
): Promise<AwsClientError> {
  const wanted =
    typeof expected === 'string' || expected instanceof RegExp ? { message: expected } : expected;
  let outcome: unknown;
  try {
    outcome = await call;
  } catch (err) {
    const mismatch = awsErrorMismatch(err, name, wanted);
    if (mismatch) {
      const failure = new Error(mismatch);
      failure.cause = err;
      throw failure;
    }
    return err as AwsClientError;
  }
  throw new Error(`expected ${name}, but the call succeeded with ${JSON.stringify(outcome)?.slice(0, 300)}`);
}
