import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { ERROR_TYPE_HEADER, REQUEST_ID_HEADER } from '@idfed/aws-protocol';
import { runIn, SpanKind, startSpan } from '@idfed/observability';
import { operationLabelOf, recordRequest } from './request-metrics';

/** The request id of the current exchange; set first thing, so even a CORS preflight carries one. */
export function requestIdOf(res: Response): string {
  return (res.locals.requestId as string | undefined) ?? 'unknown';
}

/**
 * Gives every request an id (answered as x-amzn-RequestId, the header the SDKs surface as
 * `$metadata.requestId`) and writes one access-log line when the response is done. The line has
 * the path without its query (a presigned URL's query carries a session token), never a body.
 * The same moment counts and times it in the metrics, by operation (request-metrics.ts).
 */
export function requestContext(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const requestId = randomUUID();
    const started = process.hrtime.bigint();
    res.locals.requestId = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    // One trace per request when tracing is on: this span is the parent of the command's span,
    // and its trace id is on the access line beside the request id.
    const traced = startSpan(`${req.method} gateway`, SpanKind.SERVER, { 'idfed.request_id': requestId });
    res.on('finish', () => {
      recordRequest(req, res, started);
      if (traced) {
        const operation = operationLabelOf(req, res);
        traced.span.updateName(`${req.method} ${operation}`);
        traced.span.setAttributes({
          'http.request.method': req.method,
          'http.response.status_code': res.statusCode,
          'idfed.operation': operation,
        });
        traced.span.end();
      }
      const errorType = res.getHeader(ERROR_TYPE_HEADER);
      logger.info(
        {
          requestId,
          method: req.method,
          path: req.originalUrl.split('?')[0].slice(0, 256),
          target: headerValue(req.headers['x-amz-target']),
          status: res.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
          ...(errorType ? { error: String(errorType).replace(/:$/, '') } : {}),
          ...(traced ? { traceId: traced.span.spanContext().traceId } : {}),
        },
        'request',
      );
    });
    runIn(traced?.context, next);
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value.slice(0, 128) : undefined;
}
