import { Controller, Inject, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AwsError, isFormContentType } from '@idfed/aws-protocol';
import { UserDirectoryOperations } from '@idfed/contracts';
import { BusClient } from '@idfed/messaging';
import { GATEWAY_OPTIONS, GatewayOptions } from '../gateway.options';
import { readRawBody } from '../http/raw-body.reader';
import { requestIdOf } from '../http/request-context.middleware';
import { commandMeta } from '../http/command-meta';
import {
  basePathOf,
  cookiesOf,
  paramsOf,
  redirect,
  sendErrorPage,
  SESSION_COOKIE,
  setCookie,
} from './oauth-http';
import { acsUrlOf, logoutUrlOf, SAML_BROWSER_COOKIE } from './saml-http';
import { OAuthThrottleFilter } from './oauth-throttle.filter';

const POOL_ID = /^[\w-]+_[0-9a-zA-Z]+$/;
/** Cognito takes SAML responses up to 100,000 characters; the form's encoding adds a little. */
const ACS_FORM_LIMIT = 160 * 1024;

/**
 * A user pool's SAML assertion consumer service, `/saml2/idpresponse` (ADR 0025): the IdP's form
 * (SAMLResponse, RelayState) and the browser-binding cookie go to the user directory, which verifies
 * and decides; a sign-in opens the hosted session (as the sign-in page does) and the browser goes
 * back to the app. `/saml2/logout` (ADR 0069) takes the IdP's LogoutResponse to the LogoutRequest
 * `/logout` sent, and sends the browser on where `/logout` would have.
 */
@Controller(':userPoolId')
@UseFilters(OAuthThrottleFilter)
export class SamlController {
  constructor(
    @Inject(BusClient) private readonly bus: BusClient,
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions,
  ) {}

  @Post('saml2/logout')
  async logout(
    @Param('userPoolId') poolId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const form = await samlFormOf(poolId, req, res);
    if (!form) return;
    const outcome = await this.bus.request(
      UserDirectoryOperations.SamlLogout,
      {
        UserPoolId: poolId,
        ...(form.SAMLResponse !== undefined ? { SAMLResponse: form.SAMLResponse } : {}),
        ...(form.SAMLRequest !== undefined ? { SAMLRequest: form.SAMLRequest } : {}),
        ...(form.RelayState !== undefined ? { RelayState: form.RelayState } : {}),
        LogoutUrl: logoutUrlOf(req, res, poolId, this.options.env.publicUrl),
      },
      { requestId: requestIdOf(res), caller: { kind: 'anonymous' as const } },
    );
    switch (outcome.kind) {
      case 'redirect':
        return redirect(res, outcome.location);
      case 'login':
        return redirect(res, `${basePathOf(res, poolId)}/login?${outcome.query}`);
      case 'error':
        return sendErrorPage(res, outcome.error, outcome.description);
    }
  }

  @Post('saml2/idpresponse')
  async idpResponse(
    @Param('userPoolId') poolId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const form = await samlFormOf(poolId, req, res);
    if (!form) return;
    const outcome = await this.bus.request(
      UserDirectoryOperations.SamlResponse,
      {
        UserPoolId: poolId,
        SAMLResponse: form.SAMLResponse ?? '',
        RelayState: form.RelayState ?? form.Relaystate,
        BrowserToken: cookiesOf(req)[SAML_BROWSER_COOKIE],
        AcsUrl: acsUrlOf(req, res, poolId, this.options.env.publicUrl),
      },
      // The browser's address and User-Agent, for threat protection (ADR 0091).
      commandMeta(req, requestIdOf(res), { kind: 'anonymous' }),
    );
    switch (outcome.kind) {
      case 'signed-in': {
        const base = basePathOf(res, poolId);
        setCookie(res, SESSION_COOKIE, outcome.sessionToken, {
          path: base || '/',
          maxAgeSeconds: outcome.sessionMaxAgeSeconds,
          secure: req.secure || this.options.env.publicUrl.startsWith('https:'),
        });
        return redirect(res, outcome.location);
      }
      case 'redirect':
        return redirect(res, outcome.location);
      case 'error':
        return sendErrorPage(res, outcome.error, outcome.description);
      case 'login-failed':
        return sendErrorPage(res, 'invalid_request', outcome.message);
      // A provider's sign-in opens a session or fails: no page of the password flows follows it.
      case 'login':
      case 'new-password':
      case 'login-notice':
      case 'signup':
      case 'confirm':
      case 'forgot':
      case 'reset':
      case 'mfa':
      case 'federate':
        return sendErrorPage(res, 'invalid_request', 'Bad request.');
    }
  }
}

/**
 * The form an IdP posts to `/saml2/idpresponse` or `/saml2/logout`, read within Cognito's size;
 * undefined when the error page has been sent instead (not a form, too large).
 */
async function samlFormOf(
  poolId: string,
  req: Request,
  res: Response,
): Promise<Record<string, string> | undefined> {
  if (!POOL_ID.test(poolId)) throw new AwsError('ResourceNotFoundException', 'Not found.', 404);
  if (!isFormContentType(req.headers['content-type'])) {
    sendErrorPage(res, 'invalid_request', 'The SAML response must be a form.');
    return undefined;
  }
  try {
    return paramsOf(new URLSearchParams((await readRawBody(req, ACS_FORM_LIMIT)).toString('utf8')));
  } catch {
    sendErrorPage(res, 'invalid_request', 'The SAML response is too large.');
    return undefined;
  }
}
