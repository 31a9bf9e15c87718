import { Metadata, status } from '@grpc/grpc-js';
import { Writer } from 'protobufjs';
import { AwsError, awsErrorFromShape } from '@idfed/aws-protocol';
import { CommandFailedError } from '@idfed/messaging';

/** The ErrorInfo domain of idfed's errors; the reason is the AWS error name. */
export const ERROR_DOMAIN = 'idfed.aws';
/** A plain trailer with the AWS error name, for clients that do not decode grpc-status-details-bin. */
export const ERROR_NAME_TRAILER = 'x-amzn-errortype';
const ERROR_INFO_TYPE = 'type.googleapis.com/google.rpc.ErrorInfo';

/**
 * The gRPC code of an AWS error name. The name itself travels in the details (google.rpc.ErrorInfo
 * `reason`) and in the `x-amzn-errortype` trailer: the code is only what a gRPC client branches on.
 */
export function grpcCodeOf(errorName: string): status {
  if (/^(UnrecognizedClient|InvalidSignature|IncompleteSignature|MissingAuthenticationToken)/.test(errorName))
    return status.UNAUTHENTICATED;
  if (
    /^(InvalidClientTokenId|SignatureDoesNotMatch|IncompleteSignature|MissingAuthenticationToken)$/.test(
      errorName,
    )
  )
    return status.UNAUTHENTICATED;
  if (/^(ExpiredToken|RequestExpired)/.test(errorName)) return status.UNAUTHENTICATED;
  if (/^(NotAuthorized|AccessDenied|Forbidden)/.test(errorName)) return status.PERMISSION_DENIED;
  if (/NotFound|^NoSuchEntity/.test(errorName)) return status.NOT_FOUND;
  if (/Exists|^EntityAlreadyExists|^DuplicateProviderException/.test(errorName)) return status.ALREADY_EXISTS;
  if (/^(TooManyRequests|Throttling|LimitExceeded|TooManyFailedAttempts)/.test(errorName))
    return status.RESOURCE_EXHAUSTED;
  if (/^(UnknownOperation|UnsupportedOperation)/.test(errorName)) return status.UNIMPLEMENTED;
  if (/^ServiceUnavailable/.test(errorName)) return status.UNAVAILABLE;
  if (/^(InternalError|InternalFailure|ServiceFailure)/.test(errorName)) return status.INTERNAL;
  if (/^(ConcurrentModification|ResourceConflict)/.test(errorName)) return status.ABORTED;
  if (
    /^(InvalidParameter|InvalidPassword|Validation|Serialization|MalformedPolicyDocument|InvalidInput|InvalidAuthenticationCode|InvalidIdentityToken|PackedPolicyTooLarge)/.test(
      errorName,
    )
  )
    return status.INVALID_ARGUMENT;
  return status.FAILED_PRECONDITION;
}

/** An error as a call ends with it: code, message and trailers carrying the AWS name. */
export class GrpcError extends Error {
  constructor(
    readonly code: status,
    readonly details: string,
    readonly metadata: Metadata,
  ) {
    super(details);
    this.name = 'GrpcError';
  }
}

export function grpcError(errorName: string, message: string, code = grpcCodeOf(errorName)): GrpcError {
  const metadata = new Metadata();
  metadata.set(ERROR_NAME_TRAILER, errorName);
  metadata.set('grpc-status-details-bin', statusDetails(code, message, errorName));
  return new GrpcError(code, message, metadata);
}

/** Whatever a handler threw, as the call's status: AWS errors by name, anything else masked. */
export function toGrpcError(err: unknown): GrpcError {
  if (err instanceof AwsError) return grpcError(err.errorName, err.message);
  if (err instanceof CommandFailedError) {
    const aws = awsErrorFromShape(err.error);
    return grpcError(aws.errorName, aws.message);
  }
  return grpcError('InternalErrorException', 'Internal server error');
}

/**
 * google.rpc.Status {code, message, details: [Any(google.rpc.ErrorInfo {reason, domain})]}, encoded
 * by hand (five fields): what grpc-status-details-bin carries and every gRPC library can decode.
 */
export function statusDetails(code: number, message: string, errorName: string): Buffer {
  const info = Writer.create().uint32(10).string(errorName).uint32(18).string(ERROR_DOMAIN).finish();
  const any = Writer.create().uint32(10).string(ERROR_INFO_TYPE).uint32(18).bytes(info).finish();
  const statusBytes = Writer.create()
    .uint32(8)
    .int32(code)
    .uint32(18)
    .string(message)
    .uint32(26)
    .bytes(any)
    .finish();
  return Buffer.from(statusBytes);
}
