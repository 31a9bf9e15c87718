import { AwsError } from '../aws.error';
import { AwsHttpResponse, ERROR_TYPE_HEADER, REQUEST_ID_HEADER } from '../http-response';

export const REST_JSON_CONTENT_TYPE = 'application/json';

/**
 * The statuses REST-JSON APIs put on their errors. Unlike JSON 1.1, the restJson1 protocol sends the
 * model's `httpStatusCode` (Cognito Sync's service-2.json: 403, 404, 409, 429), and the SDKs retry
 * on 429; names not listed keep the status of the one table (error-status.table.ts).
 */
const REST_JSON_STATUS: Readonly<Record<string, number>> = {
  NotAuthorizedException: 403,
  ResourceNotFoundException: 404,
  ResourceConflictException: 409,
  TooManyRequestsException: 429,
  LambdaThrottledException: 429,
  MissingAuthenticationTokenException: 403,
  UnrecognizedClientException: 403,
  InvalidSignatureException: 403,
  IncompleteSignatureException: 403,
  ExpiredTokenException: 403,
  AccessDeniedException: 403,
};

export function restJsonStatus(error: AwsError): number {
  return REST_JSON_STATUS[error.errorName] ?? error.status;
}

/** A successful REST-JSON answer: the output members as a JSON object (`{}` without output). */
export function restJsonResponse(result: unknown, requestId: string): AwsHttpResponse {
  return {
    status: 200,
    headers: { 'content-type': REST_JSON_CONTENT_TYPE, [REQUEST_ID_HEADER]: requestId },
    body: JSON.stringify(result ?? {}),
  };
}

/**
 * A REST-JSON error as the SDKs parse it (restJson1): the name in the x-amzn-ErrorType header,
 * which they read first, and again in the body's `__type` beside `message`.
 */
export function restJsonErrorResponse(error: AwsError, requestId: string): AwsHttpResponse {
  return {
    status: restJsonStatus(error),
    headers: {
      'content-type': REST_JSON_CONTENT_TYPE,
      [REQUEST_ID_HEADER]: requestId,
      [ERROR_TYPE_HEADER]: `${error.errorName}:`,
    },
    body: JSON.stringify({ __type: error.errorName, message: error.message }),
  };
}
