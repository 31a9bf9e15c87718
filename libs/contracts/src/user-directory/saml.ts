import { OAuthOutcome, OAuthParams, OAuthSignInOutcome } from './oauth';

/**
 * The bus side of sign-in through a SAML 2.0 identity provider (ADR 0025): the gateway speaks HTTP
 * (the redirect or auto-posted form to the IdP, the browser-binding cookie, the ACS form); the
 * user directory builds the AuthnRequest, verifies the response and decides.
 */

/** An authorization request naming a provider (`identity_provider` or `idp_identifier`). */
export interface SamlAuthorizeRequest {
  UserPoolId: string;
  Params: OAuthParams;
  /** The ACS URL as the browser reaches this pool (`<base>/saml2/idpresponse`). */
  AcsUrl: string;
  /** The browser's SAML binding cookie, if it has one (reused, so parallel sign-ins keep working). */
  BrowserToken?: string;
}

export type SamlAuthorizeOutcome =
  | OAuthOutcome
  /** The provider named is not a SAML provider of the pool: the generic flow handles the request. */
  | { kind: 'not-saml' }
  /** Send the browser to the IdP: HTTP-Redirect binding (`location`) or an auto-posted form. */
  | {
      kind: 'saml-request';
      binding: 'redirect' | 'post';
      location: string;
      /** POST binding only: the form's fields (SAMLRequest, RelayState). */
      fields?: Record<string, string>;
      /** The value of the browser-binding cookie to set (random, its digest stored with the request). */
      browserToken: string;
      maxAgeSeconds: number;
    };

/** POST /saml2/idpresponse: the IdP's form, and the browser's binding cookie. */
export interface SamlResponseRequest {
  UserPoolId: string;
  SAMLResponse: string;
  RelayState?: string;
  BrowserToken?: string;
  AcsUrl: string;
}

export type SamlResponseOutcome = OAuthSignInOutcome;

/**
 * POST /saml2/logout (ADR 0069): the IdP's LogoutResponse to a LogoutRequest idfed sent from
 * `/logout`, with its RelayState.
 */
export interface SamlLogoutRequest {
  UserPoolId: string;
  SAMLResponse?: string;
  /** A LogoutRequest the IdP sent on its own: Cognito documents none, so it is refused. */
  SAMLRequest?: string;
  RelayState?: string;
  /** The `/saml2/logout` URL as the browser reached it (the response's Destination). */
  LogoutUrl: string;
}

/** Where the browser goes after the IdP's answer: what `/logout` would have done; or an error page. */
export type SamlLogoutOutcome =
  | { kind: 'redirect'; location: string }
  /** Back to the pool's sign-in page with this query (`/logout` with `redirect_uri`). */
  | { kind: 'login'; query: string }
  | { kind: 'error'; error: string; description: string };
