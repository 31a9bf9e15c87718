import { Inject, Injectable } from '@nestjs/common';
import { OAuthOutcome, OAuthParams } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { ClientForAuth, ClientsService } from '../clients/clients.service';

/** An authorization request that passed every check: what the answer must honour. */
export interface AuthorizeRequest {
  responseType: 'code' | 'token';
  redirectUri: string;
  scopes: string[];
  state?: string;
  nonce?: string;
  codeChallenge?: string;
  codeChallengeMethod?: 'S256' | 'plain';
  /** `identity_provider`: a provider's name, or COGNITO (ADR 0024). */
  identityProvider?: string;
  /** `idp_identifier`: one of a provider's IdpIdentifiers. */
  idpIdentifier?: string;
}

export type CheckedAuthorize =
  { ok: true; auth: ClientForAuth; request: AuthorizeRequest } | { ok: false; outcome: OAuthOutcome };

/** RFC 7636: 43 to 128 unreserved characters. */
const PKCE_VALUE = /^[A-Za-z0-9\-._~]{43,128}$/;
const MAX_PARAM = 2048;

/** `redirect_uri` with `error=` (in the query for a code, the fragment for tokens), as Cognito answers. */
export function errorRedirect(
  redirectUri: string,
  responseType: string | undefined,
  error: string,
  description: string | undefined,
  state: string | undefined,
): OAuthOutcome {
  const params = new URLSearchParams({ error });
  if (description) params.set('error_description', description);
  if (state !== undefined) params.set('state', state);
  return { kind: 'redirect', location: appendToRedirect(redirectUri, responseType === 'token', params) };
}

/** The app's redirect URI with parameters added: in the fragment for implicit answers. */
export function appendToRedirect(redirectUri: string, inFragment: boolean, params: URLSearchParams): string {
  if (inFragment) return `${redirectUri}#${params.toString()}`;
  return `${redirectUri}${redirectUri.includes('?') ? '&' : '?'}${params.toString()}`;
}

const errorPage = (error: string, description: string): CheckedAuthorize => ({
  ok: false,
  outcome: { kind: 'error', error, description },
});

/**
 * The checks of an authorization request (/oauth2/authorize, and the hosted pages that carry it):
 * first what decides whether the browser may be sent back to the app at all (the client and its
 * exact callback URL: otherwise an error page, never a redirect), then the rest, refused with a
 * redirect carrying Cognito's `error=` and the request's `state`.
 */
@Injectable()
export class AuthorizeRequests {
  constructor(@Inject(ClientsService) private readonly clients: ClientsService) {}

  async check(poolId: string, params: OAuthParams): Promise<CheckedAuthorize> {
    const p = (name: string): string | undefined => {
      const v = params[name];
      return typeof v === 'string' && v.length > 0 && v.length <= MAX_PARAM ? v : undefined;
    };
    const clientId = p('client_id');
    if (!clientId) return errorPage('invalid_request', 'client_id is required.');
    let auth: ClientForAuth;
    try {
      auth = await this.clients.forAuth(clientId);
    } catch (err) {
      if (err instanceof ServiceError) return errorPage('invalid_request', 'The client_id is not valid.');
      throw err;
    }
    if (auth.client.poolId !== poolId) return errorPage('invalid_request', 'The client_id is not valid.');
    const config = auth.client.config;
    const redirectUri = p('redirect_uri') ?? config.defaultRedirectUri;
    if (!redirectUri || !(config.callbackUrls ?? []).includes(redirectUri)) {
      return errorPage('redirect_mismatch', 'The redirect_uri is not one of the client’s callback URLs.');
    }
    const responseType = p('response_type');
    const state = typeof params.state === 'string' ? params.state.slice(0, MAX_PARAM) : undefined;
    const refuse = (error: string, description?: string): CheckedAuthorize => ({
      ok: false,
      outcome: errorRedirect(redirectUri, responseType, error, description, state),
    });
    if (responseType !== 'code' && responseType !== 'token') {
      return refuse(
        responseType ? 'unsupported_response_type' : 'invalid_request',
        'response_type must be code or token.',
      );
    }
    const flow = responseType === 'code' ? 'code' : 'implicit';
    if (!config.allowedOAuthFlowsUserPoolClient || !(config.allowedOAuthFlows ?? []).includes(flow)) {
      return refuse('unauthorized_client', `The client may not use the ${flow} flow.`);
    }
    const allowed = config.allowedOAuthScopes ?? [];
    const asked = (params.scope ?? '').split(/[\s+]+/).filter(Boolean);
    const scopes = asked.length ? [...new Set(asked)] : allowed;
    if (asked.some((s) => !allowed.includes(s)))
      return refuse('invalid_scope', 'A scope requested is not allowed.');
    const provider = p('identity_provider');
    const idpIdentifier = p('idp_identifier');
    const challenge = p('code_challenge');
    const method = p('code_challenge_method');
    if (method !== undefined && method !== 'S256' && method !== 'plain') {
      return refuse('invalid_request', 'code_challenge_method must be S256 or plain.');
    }
    if (challenge !== undefined && !PKCE_VALUE.test(challenge)) {
      return refuse('invalid_request', 'code_challenge is not valid.');
    }
    if (method !== undefined && challenge === undefined) {
      return refuse('invalid_request', 'code_challenge is required with code_challenge_method.');
    }
    return {
      ok: true,
      auth,
      request: {
        responseType,
        redirectUri,
        scopes,
        ...(state !== undefined ? { state } : {}),
        ...(p('nonce') ? { nonce: p('nonce') } : {}),
        ...(provider ? { identityProvider: provider } : {}),
        ...(idpIdentifier ? { idpIdentifier } : {}),
        ...(challenge
          ? { codeChallenge: challenge, codeChallengeMethod: method === 'S256' ? 'S256' : 'plain' }
          : {}),
      },
    };
  }
}
