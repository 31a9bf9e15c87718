import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Inject } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import {
  AwsError,
  awsErrorFromShape,
  INTERNAL_ERROR_MESSAGE,
  jsonErrorResponse,
  queryErrorResponse,
  restJsonErrorResponse,
} from '@idfed/aws-protocol';
import { CommandFailedError } from '@idfed/messaging';
import { GATEWAY_LOGGER } from '../gateway.options';
import { closesConnection } from './raw-body.reader';
import { writeAwsResponse } from './aws-response.writer';
import { requestIdOf } from './request-context.middleware';
import { ERROR_NAME_LOCAL } from './request-metrics';

/**
 * The one place an error becomes an HTTP answer, for every route and for Nest's own not-found and
 * express-error handlers: the AWS JSON error shape (XML for the Query protocol) with the request
 * id, never a stack. What
 * is not an AWS error is logged with the request id and answered as InternalErrorException.
 */
@Catch()
export class AwsExceptionFilter implements ExceptionFilter {
  constructor(@Inject(GATEWAY_LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const req = http.getRequest<Request>();
    const requestId = requestIdOf(res);
    const error = this.toAwsError(exception, requestId, req);
    res.locals[ERROR_NAME_LOCAL] = error.name;
    if (res.headersSent) {
      res.end();
      return;
    }
    if (closesConnection(exception)) res.setHeader('connection', 'close');
    // A Query-protocol exchange (STS, IAM) answers in the XML error envelope, REST-JSON (Cognito
    // Sync) with its model's statuses, everything else in JSON 1.1.
    const namespace = res.locals.queryNamespace as string | undefined;
    const restJson = res.locals.restJson === true;
    writeAwsResponse(
      res,
      namespace
        ? queryErrorResponse(error, namespace, requestId)
        : restJson
          ? restJsonErrorResponse(error, requestId)
          : jsonErrorResponse(error, requestId),
    );
  }

  private toAwsError(exception: unknown, requestId: string, req: Request): AwsError {
    if (exception instanceof AwsError) return exception;
    if (exception instanceof CommandFailedError) {
      const error = awsErrorFromShape(exception.error);
      if (error.status >= 500)
        this.logger.warn({ requestId, error: exception.error }, 'service reported a failure');
      return error;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 404)
        return new AwsError('NotFoundException', `No route for ${req.method} ${req.path}`.slice(0, 200), 404);
      if (status < 500)
        return new AwsError('SerializationException', 'The request could not be read.', status);
    }
    this.logger.error({ requestId, err: exception }, 'unexpected error');
    return new AwsError('InternalErrorException', INTERNAL_ERROR_MESSAGE);
  }
}
