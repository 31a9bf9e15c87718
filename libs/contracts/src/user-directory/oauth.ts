/**
 * The bus side of a user pool's OAuth 2.0 / OpenID Connect endpoints (ADR 0018). The gateway speaks
 * HTTP (pages, redirects, cookies, CSRF); the user directory decides. OAuth answers are data, not
 * errors: a refusal is an outcome the gateway renders as Cognito does (a redirect with `error=`, an
 * error page, or a JSON body at the token endpoint), so no OAuth error name travels as a ServiceError.
 */

/** The query of an authorization request, as the browser sent it to /oauth2/authorize or /login. */
export type OAuthParams = Record<string, string>;

/** What to do with an authorization request. */
export type OAuthOutcome =
  /** Show the sign-in page (no live session). */
  | {
      kind: 'login';
      clientName: string;
      /** The identity providers the page offers ("Continue with <name>"), besides COGNITO. */
      providers?: string[];
      /** Whether the page shows the password form (the client supports COGNITO). Absent: yes. */
      passwordSignIn?: boolean;
    }
  /** Send the browser there: the app's redirect_uri with a code, tokens or an error. */
  | { kind: 'redirect'; location: string }
  /** An error page: the request cannot be trusted to go back to the app (bad client_id or redirect_uri). */
  | { kind: 'error'; error: string; description: string }
  /**
   * Send the browser to an identity provider (ADR 0024), first setting the binding cookie to
   * `bindingToken`: the provider's answer is taken only from the browser that carries it.
   */
  | { kind: 'federate'; location: string; bindingToken: string; bindingMaxAgeSeconds: number };

/** After a sign-in on the hosted pages. */
export type OAuthSignInOutcome =
  | OAuthOutcome
  /** Signed in: a hosted session was opened (its token goes in a cookie) and the app gets its answer. */
  | { kind: 'signed-in'; location: string; sessionToken: string; sessionMaxAgeSeconds: number }
  /** The password was temporary: the page asking for a new one, with the sealed challenge session. */
  | { kind: 'new-password'; session: string; username: string; clientName: string; message?: string }
  /** The sign-in page again, with this message. */
  | { kind: 'login-failed'; message: string; clientName: string }
  /** A hosted page of sign-up, confirmation, password reset or MFA (ADR 0026). */
  | OAuthPageOutcome;

/** The MFA challenges the hosted pages answer (ADR 0026). */
export type OAuthMfaChallenge =
  'SOFTWARE_TOKEN_MFA' | 'SMS_MFA' | 'EMAIL_OTP' | 'SELECT_MFA_TYPE' | 'MFA_SETUP';

/** The pages after the sign-in form: what to show, with the hidden state they carry. */
export type OAuthPageOutcome =
  /** An MFA page: a code (or a factor to choose, or a TOTP secret to set up) for this sealed session. */
  | {
      kind: 'mfa';
      challenge: OAuthMfaChallenge;
      session: string;
      username: string;
      clientName: string;
      message?: string;
      /** Where an SMS or email code went (masked). */
      destination?: string;
      /** SELECT_MFA_TYPE: the factors to choose from. */
      options?: string[];
      /** MFA_SETUP: the new TOTP secret (base32) and its otpauth:// URI. */
      secretCode?: string;
      otpauthUri?: string;
    }
  /** The sign-up page (again), with this message. */
  | { kind: 'signup'; clientName: string; attributes: string[]; message?: string }
  /**
   * The confirmation page: a code was (or, for a name already taken, seemingly was) sent. `session`
   * lets a confirmation right after sign-up continue the authorization request signed in.
   */
  | {
      kind: 'confirm';
      clientName: string;
      username: string;
      session: string;
      destination?: string;
      message?: string;
      /**
       * The pool confirms by link and the email carries one (ADR 0071): the page says to follow it,
       * with no code form.
       */
      byLink?: boolean;
    }
  /** The forgotten-password page (again). */
  | { kind: 'forgot'; clientName: string; message?: string }
  /** The page for the reset code and the new password. */
  | { kind: 'reset'; clientName: string; username: string; message?: string }
  /** The sign-in page with a notice (not an error): confirmed, or password changed. */
  | { kind: 'login-notice'; clientName: string; notice: string };

export interface OAuthSignUpRequest {
  UserPoolId: string;
  Params: OAuthParams;
  Username: string;
  Password: string;
  /** The page's attribute fields (email, phone_number, ...). */
  Attributes: Record<string, string>;
  /** GET /signup: only check the request and answer the empty page. */
  Show?: boolean;
}

export interface OAuthConfirmSignUpRequest {
  UserPoolId: string;
  Params: OAuthParams;
  Username: string;
  Code: string;
  /** The sealed sign-up session of the confirmation page, when it came from the sign-up page. */
  Session?: string;
}

/** GET /confirmUser with the parameters of Cognito's confirmation link (ADR 0062). */
export interface OAuthConfirmLinkRequest {
  UserPoolId: string;
  ClientId: string;
  Username: string;
  Code: string;
}

/** What the link's page says: confirmed, or why not (never whether the user exists). */
export type OAuthConfirmLinkOutcome =
  { confirmed: true; clientName: string } | { confirmed: false; message: string };

export interface OAuthResendCodeRequest {
  UserPoolId: string;
  Params: OAuthParams;
  Username: string;
  Session?: string;
}

export interface OAuthForgotPasswordRequest {
  UserPoolId: string;
  Params: OAuthParams;
  Username: string;
}

export interface OAuthConfirmForgotPasswordRequest {
  UserPoolId: string;
  Params: OAuthParams;
  Username: string;
  Code: string;
  NewPassword: string;
}

/** The answer of an MFA page: a code, a factor chosen (SELECT_MFA_TYPE) or a TOTP code (MFA_SETUP). */
export interface OAuthMfaRequest {
  UserPoolId: string;
  Params: OAuthParams;
  ChallengeName: string;
  Session: string;
  Username: string;
  Code?: string;
  MfaType?: string;
}

export interface OAuthAuthorizeRequest {
  UserPoolId: string;
  Params: OAuthParams;
  /** The hosted session cookie's value, if the browser sent one. */
  SessionToken?: string;
  /** This pool's /oauth2/idpresponse as the browser reaches it (the provider's redirect_uri). */
  CallbackUrl?: string;
  /** The federation binding cookie's value, if the browser sent one (kept across sign-ins). */
  BindingToken?: string;
  /** Only check the request (the GET of a hosted page other than /login): no single sign-on. */
  CheckOnly?: boolean;
}

/** GET or POST /oauth2/idpresponse: the provider's answer (query or form) and the binding cookie. */
export interface OAuthIdpResponseRequest {
  UserPoolId: string;
  Params: OAuthParams;
  BindingToken?: string;
  /** How the answer came: a redirect's query (GET), or a `form_post` form (POST). GET when absent. */
  Method?: 'GET' | 'POST';
}

export interface OAuthSignInRequest {
  UserPoolId: string;
  Params: OAuthParams;
  Username: string;
  Password: string;
}

export interface OAuthNewPasswordRequest {
  UserPoolId: string;
  Params: OAuthParams;
  Session: string;
  Username: string;
  NewPassword: string;
}

/** A POST to /oauth2/token or /oauth2/revoke: the form and the Authorization header, untouched. */
export interface OAuthFormRequest {
  UserPoolId: string;
  Form: Record<string, string>;
  Authorization?: string;
}

/** An HTTP answer of the token, revocation and userInfo endpoints. */
export interface OAuthHttpAnswer {
  status: number;
  body: Record<string, unknown>;
  /** The WWW-Authenticate header of a 401 (userInfo). */
  wwwAuthenticate?: string;
}

export interface OAuthUserInfoRequest {
  UserPoolId: string;
  Authorization?: string;
}

export interface OAuthLogoutRequest {
  UserPoolId: string;
  Params: OAuthParams;
  SessionToken?: string;
}

/** After /logout: the session (if any) is closed; where the browser goes next. */
export type OAuthLogoutOutcome =
  | { kind: 'redirect'; location: string }
  | { kind: 'login' }
  | { kind: 'error'; error: string; description: string }
  /**
   * The session came from a SAML provider whose `IDPSignout` is `true` (ADR 0069): it is closed, and
   * the browser goes to the IdP's SingleLogoutService with a signed LogoutRequest (HTTP-Redirect:
   * `location` is the whole URL; HTTP-POST: an auto-posted form of `fields` to `location`).
   */
  | { kind: 'saml-logout'; binding: 'redirect' | 'post'; location: string; fields?: Record<string, string> };

export interface ResolveUserPoolDomainRequest {
  Domain: string;
}
export interface ResolveUserPoolDomainResult {
  /** Absent when no pool has the domain. */
  UserPoolId?: string;
  /** A custom domain's certificate (ADR 0049); absent for a prefix domain. */
  CertificateArn?: string;
  /** A custom domain's CustomDomainConfig.SecurityPolicy, when given (ADR 0060). */
  SecurityPolicy?: string;
}

/** The look of a client's hosted pages: its own UI customization, else the pool's (`ALL`). */
export interface OAuthUICustomizationRequest {
  UserPoolId: string;
  /** The app client of the page (absent or unknown: the pool's `ALL` customization). */
  ClientId?: string;
  /** Also answer the logo's bytes (the logo URL); the pages need only its version. */
  WithImage?: boolean;
}

export interface OAuthUICustomizationResult {
  /** The customization that applies: the client's id, or `ALL`; absent when there is none. */
  ClientId?: string;
  /** The stored CSS, checked against Cognito's customizable classes when it was set. */
  CSS?: string;
  /** Changes with every SetUICustomization (the logo URL's `v`). */
  Version?: string;
  /** `image/png` or `image/jpeg` when there is a logo. */
  ImageType?: string;
  /** The logo, base64, when WithImage was asked. */
  Image?: string;
  /** The client's managed login branding, when it has one (ADR 0082): it replaces the CSS and logo. */
  Branding?: OAuthBrandingLook;
  /**
   * The client's terms documents by TermsName (`terms-of-use`, `privacy-policy`): language to URL,
   * answered only when both exist (Cognito shows none until then).
   */
  Terms?: Record<string, Record<string, string>>;
}

/** What the hosted pages take from a managed login branding. */
export interface OAuthBrandingLook {
  ManagedLoginBrandingId: string;
  /** Changes with every Create/Update (the asset URLs' `v`). */
  Version: string;
  /** The stored Settings document (absent when Cognito-provided values are used). */
  Settings?: Record<string, unknown>;
  /** The images, without their bytes. */
  Assets: { Category: string; ColorMode: string; Extension: string }[];
}

export interface OAuthManagedLoginAssetRequest {
  UserPoolId: string;
  ManagedLoginBrandingId: string;
  Category: string;
  ColorMode: string;
}
export interface OAuthManagedLoginAssetResult {
  /** Absent when there is no such image. */
  Extension?: string;
  /** base64 */
  Bytes?: string;
  Version?: string;
}
