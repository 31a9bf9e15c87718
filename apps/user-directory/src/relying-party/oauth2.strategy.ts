import { Injectable } from '@nestjs/common';
import type { OAuth2 } from 'oauth';
import FacebookStrategy from 'passport-facebook';
import OAuth2Strategy from 'passport-oauth2';
import {
  attributeTexts,
  FederationStrategy,
  ProviderAnswer,
  ProviderAnswerRefused,
  ProviderSignIn,
} from './federation-strategy';
import { PROVIDER_FETCH_TIMEOUT_MS, s256 } from './openid-connect.strategy';
import {
  callbackRequest,
  passportAttempt,
  PassportOutcome,
  PassportStrategy,
  PassportRequest,
  startRequest,
} from './passport-attempt';

const MAX_ANSWER_BYTES = 64 * 1024;

type DataCallback = (err: { statusCode: number; data?: string } | null, data?: string) => void;

/** What one attempt's HTTP saw, so a refusal says which step failed and why. */
interface Exchange {
  step: 'token' | 'user';
  refusal?: ProviderAnswerRefused;
}

/**
 * The HTTP under a passport OAuth 2.0 strategy (node-oauth's `_request`), replaced by idfed's:
 * a 5 s deadline, no redirect followed (a 3xx is an error), 64 KiB at most, JSON only; the token
 * endpoint called by GET (its form as the query) when `token_request_method` says so, as
 * Facebook's Graph takes it. The access token goes in a Bearer header, never in a URL.
 */
function useProviderHttp(oauth2: OAuth2, tokenUrl: string, tokenByGet: boolean, exchange: Exchange): void {
  oauth2.useAuthorizationHeaderforGET(true);
  const transport = (
    method: string,
    url: string,
    headers: Record<string, string> | null,
    body: string | null,
    _accessToken: string | null,
    callback: DataCallback,
  ): void => {
    const toToken = method === 'POST' && url === tokenUrl;
    exchange.step = toToken ? 'token' : 'user';
    const refuse = (description: string, statusCode = 0, data?: string) => {
      exchange.refusal = new ProviderAnswerRefused('invalid_request', description);
      callback({ statusCode, data });
    };
    const byGet = toToken && tokenByGet;
    const target = byGet ? `${url}${url.includes('?') ? '&' : '?'}${body ?? ''}` : url;
    const sentHeaders: Record<string, string> = { accept: 'application/json', ...(headers ?? {}) };
    if (byGet) delete sentHeaders['Content-Type'];
    fetch(target, {
      method: byGet ? 'GET' : method,
      headers: sentHeaders,
      body: byGet || method === 'GET' ? undefined : (body ?? undefined),
      redirect: 'manual',
      signal: AbortSignal.timeout(PROVIDER_FETCH_TIMEOUT_MS),
    }).then(
      async (res) => {
        const text = await res.text();
        if (text.length > MAX_ANSWER_BYTES) return refuse('The provider’s answer is too large.');
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
          return refuse('The provider’s answer is not JSON.', res.status, text);
        if (res.status < 200 || res.status > 299) return callback({ statusCode: res.status, data: text });
        return callback(null, text);
      },
      () => refuse('The provider could not be reached.'),
    );
  };
  (oauth2 as unknown as { _request: typeof transport })._request = transport;
}

/** A Graph field name as AttributeMapping may give it (`email`, `first_name`, ...): nothing nested. */
const GRAPH_FIELD = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * The Graph fields a Facebook sign-in asks `/me` for: `id` (the subject) and every field the
 * provider's AttributeMapping reads, as Cognito derives them. In passport-facebook's names: its
 * `name` would ask for first, middle and last names, so Graph's `name` is `displayName`.
 */
export function facebookProfileFields(mapping: Record<string, string>): string[] {
  const fields = new Set(['id']);
  for (const field of Object.values(mapping)) if (GRAPH_FIELD.test(field)) fields.add(field);
  return [...fields].map((f) => (f === 'name' ? 'displayName' : f));
}

/** Sends idfed's PKCE challenge (derived from the binding, ADR 0024) with the authorization request. */
function withChallenge(params: object, options: { codeChallenge?: string }): object {
  return options.codeChallenge
    ? { ...params, code_challenge: options.codeChallenge, code_challenge_method: 'S256' }
    : params;
}

/** Login with Amazon: passport-oauth2 with the profile read from `attributes_url`. */
class LoginWithAmazonStrategy extends OAuth2Strategy {
  constructor(
    options: OAuth2Strategy.StrategyOptions,
    verify: OAuth2Strategy.VerifyFunction,
    private readonly profileUrl: string,
  ) {
    super(options, verify);
    this.name = 'amazon';
  }

  get oauth2(): OAuth2 {
    return this._oauth2;
  }

  override authorizationParams(options: { codeChallenge?: string }): object {
    return withChallenge(super.authorizationParams(options), options);
  }

  override userProfile(accessToken: string, done: (err?: unknown, profile?: unknown) => void): void {
    this._oauth2.get(this.profileUrl, accessToken, (err, body) => {
      if (err) return done(new OAuth2Strategy.InternalOAuthError('Failed to fetch user profile', err));
      try {
        return done(null, { _json: JSON.parse(String(body)) as unknown });
      } catch (parseError) {
        return done(parseError);
      }
    });
  }
}

/** Facebook: passport-facebook (its Graph profile and errors), every URL from ProviderDetails. */
class GraphStrategy extends FacebookStrategy.Strategy {
  get oauth2(): OAuth2 {
    return this._oauth2;
  }

  override authorizationParams(
    options: FacebookStrategy.AuthorizationParamsOptions & { codeChallenge?: string },
  ): object {
    return withChallenge(super.authorizationParams(options), options);
  }
}

/**
 * passport's state check, against idfed's state: the strategy is handed the one state this
 * sign-in's row was stored under (already taken once and bound to the browser, ADR 0024) and
 * answers the PKCE verifier derived for it, which passport-oauth2 then sends with the code.
 */
function stateStoreOf(signIn: ProviderSignIn): OAuth2Strategy.StateStore {
  return {
    store(_req: unknown, callback: OAuth2Strategy.StateStoreStoreCallback) {
      // Never used: the redirect is made with idfed's state given as an option.
      callback(new Error('states are idfed’s'), undefined);
    },
    verify(_req: unknown, state: string, _meta: unknown, callback: OAuth2Strategy.StateStoreVerifyCallback) {
      if (state !== signIn.state) return callback(null, false, { message: 'Invalid state.' });
      return callback(null, signIn.codeVerifier as unknown as boolean, undefined);
    },
  } as unknown as OAuth2Strategy.StateStore;
}

/**
 * OAuth 2.0 providers without OpenID Connect (ADR 0029): Facebook through passport-facebook and
 * Login with Amazon through passport-oauth2, at their real endpoints (from ProviderDetails,
 * computed from IDFED_FACEBOOK_* and IDFED_AMAZON_*). The code is exchanged at the token endpoint
 * (Facebook's Graph `/vX/oauth/access_token` by GET, Amazon's `/auth/o2/token` by POST, as
 * `token_request_method` says) with the PKCE verifier, and the user read from the user endpoint
 * (Graph `/me?fields=`, Amazon's `/user/profile`) with the access token as a Bearer header. The
 * token never leaves the strategy.
 */
@Injectable()
export class OAuth2ProvidersStrategy implements FederationStrategy {
  readonly types = ['Facebook', 'LoginWithAmazon'] as const;

  async authorizationUrl(signIn: ProviderSignIn): Promise<string> {
    const { strategy, exchange } = this.strategy(signIn);
    const outcome = await passportAttempt(strategy, startRequest(), {
      state: signIn.state,
      codeChallenge: s256(signIn.codeVerifier),
    });
    if (outcome.kind !== 'redirect') throw this.refusal(outcome, exchange);
    return outcome.url;
  }

  async claims(
    signIn: ProviderSignIn,
    params: Record<string, string>,
    method: 'GET' | 'POST',
  ): Promise<ProviderAnswer> {
    if (typeof params.code !== 'string' || params.code.length === 0 || params.code.length > 2048) {
      throw new ProviderAnswerRefused('invalid_request', 'The provider gave no code.');
    }
    const { strategy, exchange } = this.strategy(signIn);
    const req: PassportRequest = callbackRequest(params, method);
    const outcome = await passportAttempt(strategy, req);
    if (outcome.kind !== 'success') throw this.refusal(outcome, exchange);
    return outcome.user as ProviderAnswer;
  }

  /** The refusal an attempt that did not succeed stands for; nothing of the provider's tokens in it. */
  private refusal(outcome: PassportOutcome, exchange: Exchange): ProviderAnswerRefused {
    if (exchange.refusal) return exchange.refusal;
    if (outcome.kind === 'error' && outcome.error instanceof ProviderAnswerRefused) return outcome.error;
    if (outcome.kind === 'fail')
      return new ProviderAnswerRefused('invalid_request', 'The provider’s answer failed verification.');
    return new ProviderAnswerRefused(
      'invalid_request',
      exchange.step === 'token' ? 'The provider refused the code.' : 'The provider refused the access token.',
    );
  }

  /** The passport strategy of this sign-in's provider, with idfed's state store and HTTP. */
  private strategy(signIn: ProviderSignIn): { strategy: PassportStrategy; exchange: Exchange } {
    const d = signIn.details;
    const exchange: Exchange = { step: 'token' };
    const scope = (d.authorize_scopes ?? '').split(/[\s,]+/).filter(Boolean);
    const verify = (
      accessToken: string,
      refreshToken: string,
      results: unknown,
      profile: { _json?: unknown },
      done: OAuth2Strategy.VerifyCallback,
    ) => {
      const json = profile._json;
      if (typeof json !== 'object' || json === null || Array.isArray(json))
        return done(new ProviderAnswerRefused('invalid_request', 'The provider’s answer is not JSON.'));
      // The token endpoint's answer, as InboundFederation shows it (ADR 0061).
      const answered =
        typeof results === 'object' && results !== null ? (results as Record<string, unknown>) : {};
      const tokenResponse = attributeTexts({
        access_token: accessToken,
        refresh_token: refreshToken || undefined,
        token_type: answered.token_type,
        expires_in: answered.expires_in,
        scope: answered.scope,
      });
      const answer: ProviderAnswer = { claims: json as Record<string, unknown>, tokenResponse };
      return done(null, answer);
    };
    const options = {
      clientID: d.client_id,
      clientSecret: signIn.secrets.client_secret ?? '',
      authorizationURL: d.authorize_url,
      tokenURL: d.token_url,
      callbackURL: signIn.callbackUrl,
      scope,
      store: stateStoreOf(signIn),
    };
    let strategy: LoginWithAmazonStrategy | GraphStrategy;
    if (signIn.type === 'Facebook') {
      const profile = new URL(d.attributes_url);
      const addFields = d.attributes_url_add_attributes === 'true';
      if (addFields) profile.searchParams.delete('fields');
      strategy = new GraphStrategy(
        {
          ...options,
          scopeSeparator: ',',
          profileURL: profile.toString(),
          ...(addFields ? { profileFields: facebookProfileFields(signIn.attributeMapping) } : {}),
        },
        // A five-argument verify (passport-oauth2 passes the token answer too): the types name only four.
        verify as unknown as FacebookStrategy.VerifyFunction,
      );
    } else {
      strategy = new LoginWithAmazonStrategy({ ...options, scopeSeparator: ' ' }, verify, d.attributes_url);
    }
    useProviderHttp(strategy.oauth2, d.token_url, d.token_request_method === 'GET', exchange);
    return { strategy: strategy as unknown as PassportStrategy, exchange };
  }
}
