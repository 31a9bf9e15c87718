import { RpcException } from '@nestjs/microservices';
import { AwsErrorName, ServiceErrorShape } from '@idfed/contracts';

/**
 * A domain error a client is meant to see. `name` is the AWS error name (the wire contract), so the
 * gateway's only job is mapping it to an HTTP status. Only names AWS documents (or its frameworks
 * answer) compile; each operation's contract lists the ones it may answer, and the dispatcher
 * reports any other. Anything else thrown in a handler reaches the client as InternalErrorException
 * without detail.
 */
export class ServiceError<Name extends AwsErrorName = AwsErrorName> extends RpcException {
  constructor(
    readonly errorName: Name,
    message: string,
  ) {
    super({ name: errorName, message } satisfies ServiceErrorShape);
  }
}

/** Transport-level failures, named so the AWS SDKs treat them as retryable. */
export const TransportErrors = {
  unavailable: (detail: string): ServiceErrorShape => ({ name: 'ServiceUnavailable', message: detail }),
  internal: (): ServiceErrorShape => ({ name: 'InternalErrorException', message: 'Internal server error' }),
};
