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
  | { kind: 'login-failed'; message: string; clientName: string };

export interface OAuthAuthorizeRequest {
  UserPoolId: string;
  Params: OAuthParams;
  /** The hosted session cookie's value, if the browser sent one. */
  SessionToken?: string;
  /** This pool's /oauth2/idpresponse as the browser reaches it (the provider's redirect_uri). */
  CallbackUrl?: string;
  /** The federation binding cookie's value, if the browser sent one (kept across sign-ins). */
  BindingToken?: string;
}

/** GET or POST /oauth2/idpresponse: the provider's answer (query or form) and the binding cookie. */
export interface OAuthIdpResponseRequest {
  UserPoolId: string;
  Params: OAuthParams;
  BindingToken?: string;
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
  | { kind: 'error'; error: string; description: string };

export interface ResolveUserPoolDomainRequest {
  Domain: string;
}
export interface ResolveUserPoolDomainResult {
  /** Absent when no pool has the domain. */
  UserPoolId?: string;
}
