import { Controller, Get, Inject, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AwsError, isFormContentType } from '@idfed/aws-protocol';
import {
  OAuthBrandingLook,
  OAuthHttpAnswer,
  OAuthOutcome,
  OAuthPageOutcome,
  OAuthSignInOutcome,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { BusClient } from '@idfed/messaging';
import { GATEWAY_OPTIONS, GatewayOptions } from '../gateway.options';
import { readRawBody } from '../http/raw-body.reader';
import { requestIdOf } from '../http/request-context.middleware';
import { commandMeta } from '../http/command-meta';
import {
  attributeField,
  confirmByLinkPage,
  confirmPage,
  errorPage,
  forgotPasswordPage,
  confirmLinkPage,
  mfaPage,
  newPasswordPage,
  pageLinks,
  PageLook,
  resetPasswordPage,
  signInPage,
  signUpPage,
} from './hosted-pages';
import {
  basePathOf,
  BINDING_COOKIE,
  cookiesOf,
  CSRF_COOKIE,
  csrfMatches,
  newCsrfToken,
  paramsOf,
  queryOf,
  redirect,
  sendErrorPage,
  sendHtml,
  sendJson,
  SESSION_COOKIE,
  setCookie,
} from './oauth-http';
import { samlAuthorize, sendPostForm } from './saml-http';
import { brandingLook, languagesOf, termsLinksFor } from './managed-login-look';
import { OAuthThrottleFilter } from './oauth-throttle.filter';

const POOL_ID = /^[\w-]+_[0-9a-zA-Z]+$/;
const CLIENT_ID = /^[\w+]{1,128}$/;
/**
 * A client's look (its UI customization's CSS and logo version) is remembered this long, so a page
 * costs no extra bus round-trip while it is fresh; a SetUICustomization shows within it.
 */
const LOOK_CACHE_MS = 5_000;
const LOOK_CACHE_MAX = 10_000;
/** A logo URL with the current version never changes: browsers may keep it. */
const LOGO_IMMUTABLE = 'public, max-age=31536000, immutable';
/** The media type of a branding image by its Extension (AssetExtensionType). */
const ASSET_TYPES: Readonly<Record<string, string>> = {
  ICO: 'image/x-icon',
  JPEG: 'image/jpeg',
  PNG: 'image/png',
  SVG: 'image/svg+xml',
  WEBP: 'image/webp',
};
/** A form of the hosted pages or the token endpoint is small. */
const FORM_LIMIT = 16 * 1024;

/**
 * A user pool's OAuth 2.0 endpoints and hosted pages (ADR 0018), at `<public url>/<poolId>/...`
 * and, on the host of the pool's domain, at the root (DomainRouting rewrites those requests here).
 * The gateway speaks HTTP (pages, redirects, cookies, CSRF); every decision is the user directory's,
 * asked over the bus. Refusals are Cognito's: an error page, a redirect with `error=`, or JSON.
 */
@Controller(':userPoolId')
@UseFilters(OAuthThrottleFilter)
export class OAuthController {
  private readonly looks = new Map<
    string,
    {
      look: {
        css?: string;
        clientId?: string;
        logoVersion?: string;
        branding?: OAuthBrandingLook;
        terms?: Record<string, Record<string, string>>;
      };
      expires: number;
    }
  >();

  constructor(
    @Inject(BusClient) private readonly bus: BusClient,
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions,
  ) {}

  /**
   * The logo of a UI customization (GetUICustomization's ImageUrl): the client's, else the pool's
   * `ALL` one, with its own media type, never sniffed; cached for good when `v` is its version.
   */
  @Get('ui-customization/logo/:clientId')
  async logo(
    @Param('userPoolId') poolId: string,
    @Param('clientId') clientId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    this.requirePool(poolId);
    if (clientId !== 'ALL' && !CLIENT_ID.test(clientId)) {
      throw new AwsError('ResourceNotFoundException', 'Not found.', 404);
    }
    const found = await this.bus.request(
      UserDirectoryOperations.OAuthUICustomization,
      { UserPoolId: poolId, ClientId: clientId, WithImage: true },
      this.meta(req, res),
    );
    if (!found.Image || !found.ImageType) {
      throw new AwsError('ResourceNotFoundException', 'Not found.', 404);
    }
    res
      .status(200)
      .setHeader('content-type', found.ImageType)
      .setHeader('x-content-type-options', 'nosniff')
      .setHeader('content-security-policy', "default-src 'none'; sandbox")
      .setHeader(
        'cache-control',
        queryOf(req).get('v') === found.Version ? LOGO_IMMUTABLE : 'public, max-age=60',
      )
      .send(Buffer.from(found.Image, 'base64'));
  }

  /**
   * An image of a client's managed login branding (ADR 0082), named by the style's id, Category and
   * ColorMode, with its own media type, never sniffed, sandboxed (an SVG cannot run a script even
   * opened on its own), cached for good when `v` is the style's version.
   */
  @Get('managed-login/assets/:brandingId/:category/:colorMode')
  async managedLoginAsset(
    @Param('userPoolId') poolId: string,
    @Param('brandingId') brandingId: string,
    @Param('category') category: string,
    @Param('colorMode') colorMode: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    this.requirePool(poolId);
    const found = await this.bus.request(
      UserDirectoryOperations.OAuthManagedLoginAsset,
      { UserPoolId: poolId, ManagedLoginBrandingId: brandingId, Category: category, ColorMode: colorMode },
      this.meta(req, res),
    );
    const type =
      found.Extension && Object.hasOwn(ASSET_TYPES, found.Extension)
        ? ASSET_TYPES[found.Extension]
        : undefined;
    if (!found.Bytes || !type) throw new AwsError('ResourceNotFoundException', 'Not found.', 404);
    res
      .status(200)
      .setHeader('content-type', type)
      .setHeader('x-content-type-options', 'nosniff')
      .setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
      .setHeader(
        'cache-control',
        queryOf(req).get('v') === found.Version ? LOGO_IMMUTABLE : 'public, max-age=60',
      )
      .send(Buffer.from(found.Bytes, 'base64'));
  }

  @Get('oauth2/authorize')
  async authorize(
    @Param('userPoolId') poolId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    this.requirePool(poolId);
    const query = queryOf(req);
    // SAML providers (ADR 0025): a request naming one goes to the IdP.
    if (
      await samlAuthorize(this.bus, this.meta(req, res), req, res, poolId, query, this.options.env.publicUrl)
    )
      return;
    const outcome = await this.authorizeRequest(req, res, poolId, query);
    if (outcome.kind === 'login')
      return redirect(res, `${basePathOf(res, poolId)}/login?${query.toString()}`);
    this.answer(req, res, poolId, outcome);
  }

  @Get('login')
  async loginPage(
    @Param('userPoolId') poolId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    this.requirePool(poolId);
    const query = queryOf(req);
    const outcome = await this.authorizeRequest(req, res, poolId, query);
    if (outcome.kind === 'login')
      return this.showSignIn(req, res, poolId, query, outcome.clientName, undefined, outcome);
    this.answer(req, res, poolId, outcome);
  }

  @Post('login')
  async signIn(
    @Param('userPoolId') poolId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const posted = await this.checkedForm(poolId, req, res);
    if (!posted) return;
    const { form, query } = posted;
    const outcome = await this.bus.request(
      UserDirectoryOperations.OAuthSignIn,
      {
        UserPoolId: poolId,
        Params: paramsOf(query),
        Username: form.username ?? '',
        Password: form.password ?? '',
      },
      this.meta(req, res),
    );
    await this.afterSignIn(req, res, poolId, query, outcome);
  }

  @Post('login/new-password')
  async newPassword(
    @Param('userPoolId') poolId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const posted = await this.checkedForm(poolId, req, res);
    if (!posted) return;
    const { form, query } = posted;
    const outcome = await this.bus.request(
      UserDirectoryOperations.OAuthNewPassword,
      {
        UserPoolId: poolId,
        Params: paramsOf(query),
        Session: form.session ?? '',
        Username: form.username ?? '',
        NewPassword: form.new_password ?? '',
      },
      this.meta(req, res),
    );
    await this.afterSignIn(req, res, poolId, query, outcome);
  }

  /** An identity provider's answer (ADR 0024): its query, or its form (Apple's form_post). */
  @Get('oauth2/idpresponse')
  async idpResponse(
    @Param('userPoolId') poolId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    this.requirePool(poolId);
    const params = req.method === 'POST' ? await this.readForm(req) : paramsOf(queryOf(req));
    if (!params) return sendErrorPage(res, 'invalid_request', 'Bad request.');
    const outcome = await this.bus.request(
      UserDirectoryOperations.OAuthIdpResponse,
      {
        UserPoolId: poolId,
        Params: params,
        BindingToken: cookiesOf(req)[BINDING_COOKIE],
        Method: req.method === 'POST' ? 'POST' : 'GET',
      },
      this.meta(req, res),
    );
    await this.afterSignIn(req, res, poolId, new URLSearchParams(), outcome);
  }

  @Post('oauth2/idpresponse')
  idpResponseByPost(
    @Param('userPoolId') poolId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.idpResponse(poolId, req, res);
  }

  @Post('oauth2/token')
  async token(@Param('userPoolId') poolId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    this.requirePool(poolId);
    const form = await this.readForm(req);
    if (!form) return sendJson(res, 400, { error: 'invalid_request' });
    const answer = await this.bus.request(
      UserDirectoryOperations.OAuthToken,
      { UserPoolId: poolId, Form: form, Authorization: req.headers.authorization },
      this.meta(req, res),
    );
    this.sendAnswer(res, answer);
  }

  @Get('oauth2/userInfo')
  async userInfo(
    @Param('userPoolId') poolId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    this.requirePool(poolId);
    const answer = await this.bus.request(
      UserDirectoryOperations.OAuthUserInfo,
      { UserPoolId: poolId, Authorization: req.headers.authorization },
      this.meta(req, res),
    );
    this.sendAnswer(res, answer);
  }

  @Post('oauth2/userInfo')
  userInfoByPost(
    @Param('userPoolId') poolId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.userInfo(poolId, req, res);
  }

  @Post('oauth2/revoke')
  async revoke(
    @Param('userPoolId') poolId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    this.requirePool(poolId);
    const form = await this.readForm(req);
    if (!form) return sendJson(res, 400, { error: 'invalid_request' });
    const answer = await this.bus.request(
      UserDirectoryOperations.OAuthRevoke,
      { UserPoolId: poolId, Form: form, Authorization: req.headers.authorization },
      this.meta(req, res),
    );
    if (answer.status === 200) {
      res.status(200).setHeader('cache-control', 'no-store').end();
      return;
    }
    this.sendAnswer(res, answer);
  }

  @Get('logout')
  async logout(
    @Param('userPoolId') poolId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    this.requirePool(poolId);
    const query = queryOf(req);
    const params = paramsOf(query);
    const outcome = await this.bus.request(
      UserDirectoryOperations.OAuthLogout,
      { UserPoolId: poolId, Params: params, SessionToken: cookiesOf(req)[SESSION_COOKIE] },
      this.meta(req, res),
    );
    if (outcome.kind === 'error') return sendErrorPage(res, outcome.error, outcome.description);
    this.clearSession(res, poolId);
    if (outcome.kind === 'redirect') return redirect(res, outcome.location);
    // A SAML provider's session: to its SingleLogoutService first (ADR 0069), back at /saml2/logout.
    if (outcome.kind === 'saml-logout') {
      if (outcome.binding === 'redirect') return redirect(res, outcome.location);
      return sendPostForm(res, outcome.location, outcome.fields ?? {}, 'Signing out');
    }
    const again = new URLSearchParams(query);
    again.delete('logout_uri');
    redirect(res, `${basePathOf(res, poolId)}/login?${again.toString()}`);
  }

  private async afterSignIn(
    req: Request,
    res: Response,
    poolId: string,
    query: URLSearchParams,
    outcome: OAuthSignInOutcome,
  ): Promise<void> {
    const base = basePathOf(res, poolId);
    switch (outcome.kind) {
      case 'signed-in':
        setCookie(res, SESSION_COOKIE, outcome.sessionToken, {
          path: base || '/',
          maxAgeSeconds: outcome.sessionMaxAgeSeconds,
          secure: this.secure(req),
        });
        return redirect(res, outcome.location);
      case 'login-failed':
        return this.showSignIn(req, res, poolId, query, outcome.clientName, outcome.message);
      case 'new-password': {
        const csrf = this.csrfFor(req, res, base);
        const look = await this.lookOf(req, res, poolId, query);
        return sendHtml(
          res,
          200,
          newPasswordPage({
            action: `${base}/login/new-password?${query.toString()}`,
            csrf,
            session: outcome.session,
            username: outcome.username,
            message: outcome.message,
            look,
          }),
          look,
        );
      }
      case 'login':
        return this.showSignIn(req, res, poolId, query, outcome.clientName, undefined, outcome);
      case 'redirect':
      case 'error':
      case 'federate':
        return this.answer(req, res, poolId, outcome);
      case 'login-notice':
      case 'signup':
      case 'confirm':
      case 'forgot':
      case 'reset':
      case 'mfa':
        return this.showPage(req, res, poolId, query, outcome);
    }
  }

  private async showSignIn(
    req: Request,
    res: Response,
    poolId: string,
    query: URLSearchParams,
    clientName: string,
    message?: string,
    chooser?: { providers?: string[]; passwordSignIn?: boolean },
    notice?: string,
  ): Promise<void> {
    const base = basePathOf(res, poolId);
    const look = await this.lookOf(req, res, poolId, query);
    const csrf = this.csrfFor(req, res, base);
    const footer = pageLinks([
      { href: `${base}/forgotPassword?${query.toString()}`, text: 'Forgot your password?' },
      { href: `${base}/signup?${query.toString()}`, text: 'Sign up' },
    ]);
    const providers = (chooser?.providers ?? []).map((name) => {
      const q = new URLSearchParams(query);
      q.delete('idp_identifier');
      q.set('identity_provider', name);
      return { name, href: `${base}/oauth2/authorize?${q.toString()}` };
    });
    sendHtml(
      res,
      200,
      signInPage({
        action: `${base}/login?${query.toString()}`,
        csrf,
        clientName,
        message,
        providers,
        passwordSignIn: chooser?.passwordSignIn ?? true,
        footer,
        notice,
        look,
      }),
      look,
    );
  }

  /** The authorization request, asked of the user directory with what a sign-in through a provider needs. */
  private authorizeRequest(req: Request, res: Response, poolId: string, query: URLSearchParams) {
    const cookies = cookiesOf(req);
    return this.bus.request(
      UserDirectoryOperations.OAuthAuthorize,
      {
        UserPoolId: poolId,
        Params: paramsOf(query),
        SessionToken: cookies[SESSION_COOKIE],
        CallbackUrl: this.idpCallbackUrl(req, res, poolId),
        BindingToken: cookies[BINDING_COOKIE],
      },
      this.meta(req, res),
    );
  }

  /** Where a provider sends the browser back: this pool's /oauth2/idpresponse on the host the browser uses. */
  private idpCallbackUrl(req: Request, res: Response, poolId: string): string {
    if (res.locals.poolDomainHost === true) {
      return `${this.secure(req) ? 'https' : 'http'}://${req.headers.host}/oauth2/idpresponse`;
    }
    return `${this.options.env.publicUrl.replace(/\/+$/, '')}/${poolId}/oauth2/idpresponse`;
  }

  // -------------------------------------------------------------------------------------------
  // Sign-up, confirmation, forgotten password and MFA pages (ADR 0026). Each POST is CSRF-checked
  // here, then one internal operation of the user directory decides; the answer is a page or a
  // redirect rendered by showPage / afterSignIn.
  // -------------------------------------------------------------------------------------------

  @Get('signup')
  async signUpForm(
    @Param('userPoolId') poolId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    this.requirePool(poolId);
    const query = queryOf(req);
    const outcome = await this.bus.request(
      UserDirectoryOperations.OAuthSignUp,
      { UserPoolId: poolId, Params: paramsOf(query), Username: '', Password: '', Attributes: {}, Show: true },
      this.meta(req, res),
    );
    await this.afterSignIn(req, res, poolId, query, outcome);
  }

  @Post('signup')
  async signUp(
    @Param('userPoolId') poolId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const posted = await this.checkedForm(poolId, req, res);
    if (!posted) return;
    const { form, query } = posted;
    const attributes: Record<string, string> = {};
    for (const [name, value] of Object.entries(form)) {
      const m = /^requiredAttributes\[([\w:.-]{1,64})\]$/.exec(name);
      if (m && attributeField(m[1]) === name) attributes[m[1]] = value;
    }
    const outcome = await this.bus.request(
      UserDirectoryOperations.OAuthSignUp,
      {
        UserPoolId: poolId,
        Params: paramsOf(query),
        Username: form.username ?? '',
        Password: form.password ?? '',
        Attributes: attributes,
      },
      this.meta(req, res),
    );
    await this.afterSignIn(req, res, poolId, query, outcome);
  }

  @Get('confirmUser')
  confirmForm(@Param('userPoolId') poolId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (queryOf(req).has('confirmation_code')) return this.confirmLink(poolId, req, res);
    return this.showChecked(poolId, req, res, (clientName) => ({
      kind: 'confirm',
      clientName,
      username: queryOf(req).get('username') ?? '',
      session: '',
    }));
  }

  /** A confirmation link (ADR 0062): a GET, as Cognito's emailed link is followed. */
  private async confirmLink(poolId: string, req: Request, res: Response): Promise<void> {
    this.requirePool(poolId);
    const query = queryOf(req);
    const outcome = await this.bus.request(
      UserDirectoryOperations.OAuthConfirmLink,
      {
        UserPoolId: poolId,
        ClientId: query.get('client_id') ?? '',
        Username: query.get('user_name') ?? '',
        Code: query.get('confirmation_code') ?? '',
      },
      this.meta(req, res),
    );
    const look = await this.lookOf(req, res, poolId, query);
    const html = outcome.confirmed
      ? confirmLinkPage({ confirmed: true, look })
      : confirmLinkPage({ confirmed: false, message: outcome.message, look });
    sendHtml(res, outcome.confirmed ? 200 : 400, html, look);
  }

  @Post('confirmUser')
  async confirm(
    @Param('userPoolId') poolId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const posted = await this.checkedForm(poolId, req, res);
    if (!posted) return;
    const { form, query } = posted;
    const common = {
      UserPoolId: poolId,
      Params: paramsOf(query),
      Username: form.username ?? '',
      Session: form.session ?? '',
    };
    const outcome =
      form.resend !== undefined
        ? await this.bus.request(UserDirectoryOperations.OAuthResendCode, common, this.meta(req, res))
        : await this.bus.request(
            UserDirectoryOperations.OAuthConfirmSignUp,
            { ...common, Code: form.code ?? '' },
            this.meta(req, res),
          );
    await this.afterSignIn(req, res, poolId, query, outcome);
  }

  @Get('forgotPassword')
  forgotForm(@Param('userPoolId') poolId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.showChecked(poolId, req, res, (clientName) => ({ kind: 'forgot', clientName }));
  }

  @Post('forgotPassword')
  async forgot(
    @Param('userPoolId') poolId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const posted = await this.checkedForm(poolId, req, res);
    if (!posted) return;
    const { form, query } = posted;
    const outcome = await this.bus.request(
      UserDirectoryOperations.OAuthForgotPassword,
      { UserPoolId: poolId, Params: paramsOf(query), Username: form.username ?? '' },
      this.meta(req, res),
    );
    await this.afterSignIn(req, res, poolId, query, outcome);
  }

  @Get('confirmForgotPassword')
  resetForm(@Param('userPoolId') poolId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.showChecked(poolId, req, res, (clientName) => ({
      kind: 'reset',
      clientName,
      username: queryOf(req).get('username') ?? '',
    }));
  }

  @Post('confirmForgotPassword')
  async reset(@Param('userPoolId') poolId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const posted = await this.checkedForm(poolId, req, res);
    if (!posted) return;
    const { form, query } = posted;
    const outcome = await this.bus.request(
      UserDirectoryOperations.OAuthConfirmForgotPassword,
      {
        UserPoolId: poolId,
        Params: paramsOf(query),
        Username: form.username ?? '',
        Code: form.code ?? '',
        NewPassword: form.password ?? '',
      },
      this.meta(req, res),
    );
    await this.afterSignIn(req, res, poolId, query, outcome);
  }

  @Post('login/mfa')
  async mfa(@Param('userPoolId') poolId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const posted = await this.checkedForm(poolId, req, res);
    if (!posted) return;
    const { form, query } = posted;
    const outcome = await this.bus.request(
      UserDirectoryOperations.OAuthMfa,
      {
        UserPoolId: poolId,
        Params: paramsOf(query),
        ChallengeName: form.challenge ?? '',
        Session: form.session ?? '',
        Username: form.username ?? '',
        ...(form.code !== undefined ? { Code: form.code } : {}),
        ...(form.mfaType !== undefined ? { MfaType: form.mfaType } : {}),
      },
      this.meta(req, res),
    );
    await this.afterSignIn(req, res, poolId, query, outcome);
  }

  /** The GET of a page that only needs the authorization request checked (no single sign-on). */
  private async showChecked(
    poolId: string,
    req: Request,
    res: Response,
    pageOf: (clientName: string) => OAuthPageOutcome,
  ): Promise<void> {
    this.requirePool(poolId);
    const query = queryOf(req);
    const outcome = await this.bus.request(
      UserDirectoryOperations.OAuthAuthorize,
      { UserPoolId: poolId, Params: paramsOf(query), CheckOnly: true },
      this.meta(req, res),
    );
    if (outcome.kind === 'login') return this.showPage(req, res, poolId, query, pageOf(outcome.clientName));
    this.answer(req, res, poolId, outcome);
  }

  private async showPage(
    req: Request,
    res: Response,
    poolId: string,
    query: URLSearchParams,
    outcome: OAuthPageOutcome,
  ): Promise<void> {
    const base = basePathOf(res, poolId);
    const look = await this.lookOf(req, res, poolId, query);
    const csrf = this.csrfFor(req, res, base);
    const q = query.toString();
    const signInLink = { href: `${base}/login?${q}`, text: 'Sign in' };
    switch (outcome.kind) {
      case 'login-notice':
        return this.showSignIn(
          req,
          res,
          poolId,
          query,
          outcome.clientName,
          undefined,
          undefined,
          outcome.notice,
        );
      case 'signup':
        return sendHtml(
          res,
          200,
          signUpPage({
            action: `${base}/signup?${q}`,
            csrf,
            clientName: outcome.clientName,
            attributes: outcome.attributes,
            message: outcome.message,
            footer: pageLinks([signInLink]),
            look,
          }),
          look,
        );
      case 'confirm':
        return sendHtml(
          res,
          200,
          outcome.byLink
            ? confirmByLinkPage({ destination: outcome.destination, footer: pageLinks([signInLink]), look })
            : confirmPage({
                action: `${base}/confirmUser?${q}`,
                csrf,
                username: outcome.username,
                session: outcome.session,
                destination: outcome.destination,
                message: outcome.message,
                look,
              }),
          look,
        );
      case 'forgot':
        return sendHtml(
          res,
          200,
          forgotPasswordPage({ action: `${base}/forgotPassword?${q}`, csrf, message: outcome.message, look }),
          look,
        );
      case 'reset':
        return sendHtml(
          res,
          200,
          resetPasswordPage({
            action: `${base}/confirmForgotPassword?${q}`,
            csrf,
            username: outcome.username,
            message: outcome.message,
            look,
          }),
          look,
        );
      case 'mfa':
        return sendHtml(
          res,
          200,
          mfaPage({
            action: `${base}/login/mfa?${q}`,
            csrf,
            challenge: outcome.challenge,
            session: outcome.session,
            username: outcome.username,
            destination: outcome.destination,
            options: outcome.options,
            secretCode: outcome.secretCode,
            otpauthUri: outcome.otpauthUri,
            message: outcome.message,
            look,
          }),
          look,
        );
    }
  }

  /**
   * The look of the page of this request's client: its managed login branding (ADR 0082) if it has
   * one, else its UI customization, else the pool's `ALL` one; the same-origin URLs of its images;
   * its terms documents in the user's language. One bus request per client every LOOK_CACHE_MS at most.
   */
  private async lookOf(
    req: Request,
    res: Response,
    poolId: string,
    query: URLSearchParams,
  ): Promise<PageLook> {
    const requested = query.get('client_id') ?? '';
    const clientId = CLIENT_ID.test(requested) ? requested : 'ALL';
    const key = `${poolId} ${clientId}`;
    let cached = this.looks.get(key);
    if (!cached || cached.expires <= Date.now()) {
      const found = await this.bus.request(
        UserDirectoryOperations.OAuthUICustomization,
        { UserPoolId: poolId, ClientId: clientId },
        this.meta(req, res),
      );
      if (this.looks.size >= LOOK_CACHE_MAX) this.looks.clear();
      cached = {
        look: {
          css: found.CSS,
          clientId: found.ClientId,
          logoVersion: found.ImageType ? found.Version : undefined,
          branding: found.Branding,
          terms: found.Terms,
        },
        expires: Date.now() + LOOK_CACHE_MS,
      };
      this.looks.set(key, cached);
    }
    const { css, clientId: owner, logoVersion, branding, terms } = cached.look;
    const base = basePathOf(res, poolId);
    const languages = terms ? languagesOf(query.get('lang'), req.headers['accept-language']) : [];
    const termsLinks = termsLinksFor(terms, languages);
    if (branding) {
      const urlOf = (asset?: { Category: string; ColorMode: string }) =>
        asset &&
        `${base}/managed-login/assets/${branding.ManagedLoginBrandingId}/${asset.Category}/${asset.ColorMode}?v=${branding.Version}`;
      return { ...brandingLook(branding, urlOf), ...(termsLinks ? { terms: termsLinks } : {}) };
    }
    return {
      css,
      logoUrl:
        owner && logoVersion
          ? `${base}/ui-customization/logo/${encodeURIComponent(owner)}?v=${logoVersion}`
          : undefined,
      ...(termsLinks ? { terms: termsLinks } : {}),
    };
  }

  /** The browser's CSRF cookie, or a new one set now. */
  private csrfFor(req: Request, res: Response, base: string): string {
    const existing = cookiesOf(req)[CSRF_COOKIE];
    if (existing && /^[A-Za-z0-9_-]{32}$/.test(existing)) return existing;
    const token = newCsrfToken();
    setCookie(res, CSRF_COOKIE, token, { path: base || '/', secure: this.secure(req) });
    return token;
  }

  /** A form without the browser's CSRF token: refused before anything reaches the user directory. */
  /**
   * A hosted page's posted form, once the pool id and the CSRF double submit are checked (ADR 0018):
   * undefined when refused, the 403 page already sent.
   */
  private async checkedForm(
    poolId: string,
    req: Request,
    res: Response,
  ): Promise<{ form: Record<string, string>; query: URLSearchParams } | undefined> {
    this.requirePool(poolId);
    const form = await this.readForm(req);
    if (!form || !csrfMatches(cookiesOf(req)[CSRF_COOKIE], form._csrf)) {
      this.csrfRefused(res);
      return undefined;
    }
    return { form, query: queryOf(req) };
  }

  private csrfRefused(res: Response): void {
    sendHtml(
      res,
      403,
      errorPage('invalid_request', 'The CSRF token is missing or wrong. Go back and sign in again.'),
    );
  }

  private clearSession(res: Response, poolId: string): void {
    setCookie(res, SESSION_COOKIE, '', {
      path: basePathOf(res, poolId) || '/',
      maxAgeSeconds: 0,
      secure: false,
    });
  }

  private answer(req: Request, res: Response, poolId: string, outcome: OAuthOutcome): void {
    if (outcome.kind === 'redirect') return redirect(res, outcome.location);
    if (outcome.kind === 'federate') {
      // The browser that goes to the provider carries the binding its answer is checked against.
      // Apple's form_post answer is a cross-site POST: over https the cookie is SameSite=None so it
      // comes back with it (ADR 0029); the binding check, not SameSite, refuses another browser.
      setCookie(res, BINDING_COOKIE, outcome.bindingToken, {
        path: basePathOf(res, poolId) || '/',
        maxAgeSeconds: outcome.bindingMaxAgeSeconds,
        secure: this.secure(req),
        crossSite: true,
      });
      return redirect(res, outcome.location);
    }
    if (outcome.kind === 'error') return sendErrorPage(res, outcome.error, outcome.description);
    sendErrorPage(res, 'invalid_request', 'Bad request.');
  }

  private sendAnswer(res: Response, answer: OAuthHttpAnswer): void {
    if (answer.wwwAuthenticate) res.setHeader('www-authenticate', answer.wwwAuthenticate);
    sendJson(res, answer.status, answer.body);
  }

  /** The form of a POST, or undefined when it is not a form (or too big to be one of ours). */
  private async readForm(req: Request): Promise<Record<string, string> | undefined> {
    if (!isFormContentType(req.headers['content-type'])) return undefined;
    const body = await readRawBody(req, FORM_LIMIT);
    return paramsOf(new URLSearchParams(body.toString('utf8')));
  }

  private secure(req: Request): boolean {
    return req.secure || this.options.env.publicUrl.startsWith('https:');
  }

  private requirePool(poolId: string): void {
    if (!POOL_ID.test(poolId)) throw new AwsError('ResourceNotFoundException', 'Not found.', 404);
  }

  /** The page's caller: its address and User-Agent go with it (threat protection, ADR 0083). */
  private meta(req: Request, res: Response) {
    return commandMeta(req, requestIdOf(res), { kind: 'anonymous' });
  }
}
