import { errorStatus, isKnownErrorName } from './error-status.table';

/**
 * An error the client is meant to see, by its AWS name. The status comes from the one table unless
 * a caller has a reason to override it (none in the Cognito surface so far).
 */
export class AwsError extends Error {
  readonly status: number;

  constructor(
    readonly errorName: string,
    message: string,
    status?: number,
  ) {
    super(message);
    this.name = errorName;
    this.status = status ?? errorStatus(errorName);
  }
}

export const INTERNAL_ERROR_MESSAGE = 'Internal server error';

/**
 * What a {name, message} reported by a service becomes on the wire. A name outside the AWS
 * vocabulary (a bug, or a JavaScript error class that slipped through) is masked as
 * InternalErrorException so nothing unexpected, such as a stack or a driver message, reaches the client.
 */
export function awsErrorFromShape(shape: { name: string; message: string }): AwsError {
  return isKnownErrorName(shape.name)
    ? new AwsError(shape.name, shape.message)
    : new AwsError('InternalErrorException', INTERNAL_ERROR_MESSAGE);
}
