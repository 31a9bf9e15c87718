import { AwsError } from '../aws.error';
import { AwsHttpResponse, ERROR_TYPE_HEADER, REQUEST_ID_HEADER } from '../http-response';

export const AWS_JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

/** A successful JSON-protocol answer; an operation without output still answers `{}`. */
export function jsonResponse(result: unknown, requestId: string): AwsHttpResponse {
  return {
    status: 200,
    headers: { 'content-type': AWS_JSON_CONTENT_TYPE, [REQUEST_ID_HEADER]: requestId },
    body: JSON.stringify(result ?? {}),
  };
}

/**
 * A JSON-protocol error. The SDKs read the name from `__type` first and from x-amzn-ErrorType
 * second (everything after ':' or before '#' is stripped), so both carry the bare name.
 */
export function jsonErrorResponse(error: AwsError, requestId: string): AwsHttpResponse {
  return {
    status: error.status,
    headers: {
      'content-type': AWS_JSON_CONTENT_TYPE,
      [REQUEST_ID_HEADER]: requestId,
      [ERROR_TYPE_HEADER]: `${error.errorName}:`,
    },
    body: JSON.stringify({ __type: error.errorName, message: error.message }),
  };
}
