import { ArgumentsHost, Catch } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CommandFailedError } from '@idfed/messaging';
import { AwsExceptionFilter } from '../http/aws-exception.filter';
import { ERROR_NAME_LOCAL } from '../http/request-metrics';
import { errorPage } from './hosted-pages';
import { sendHtml, sendJson } from './oauth-http';

/** The endpoints that answer in JSON; every other OAuth route is a page or a redirect. */
const JSON_ENDPOINTS = /\/oauth2\/(token|userInfo|revoke)\/?$/;
/** The OAuth error code of a refusal for rate: RFC 6749 has none, so the HTTP status's own name. */
export const OAUTH_RATE_EXCEEDED = 'too_many_requests';

/**
 * The OAuth endpoints' and hosted pages' answer when the user directory refused the request for its
 * rate (TooManyRequestsException, ADR 0007's token buckets): status 429 with Retry-After, as JSON
 * `{"error": ...}` at the token, userInfo and revocation endpoints and as an error page elsewhere,
 * never the AWS JSON error shape a browser or an OAuth client cannot read. Every other error goes
 * the way of every route (AwsExceptionFilter).
 */
@Catch()
export class OAuthThrottleFilter extends AwsExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const req = http.getRequest<Request>();
    if (
      !(exception instanceof CommandFailedError) ||
      exception.error.name !== 'TooManyRequestsException' ||
      res.headersSent
    ) {
      return super.catch(exception, host);
    }
    res.locals[ERROR_NAME_LOCAL] = exception.error.name;
    res.setHeader('retry-after', '1');
    if (JSON_ENDPOINTS.test(req.path)) {
      return sendJson(res, 429, { error: OAUTH_RATE_EXCEEDED, error_description: 'Rate exceeded' });
    }
    sendHtml(res, 429, errorPage(OAUTH_RATE_EXCEEDED, 'Too many requests. Wait a moment and try again.'));
  }
}
