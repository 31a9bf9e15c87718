import { createHash, createPrivateKey, sign } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { BaseClient, custom, errors, Issuer, IssuerMetadata, Strategy, TokenSet } from 'openid-client';
import {
  attributeTexts,
  FederationStrategy,
  ProviderAnswer,
  ProviderAnswerRefused,
  ProviderSignIn,
} from './federation-strategy';
import { readGooglePeople } from './google-people';
import {
  callbackRequest,
  passportAttempt,
  PassportOutcome,
  PassportStrategy,
  startRequest,
} from './passport-attempt';

/** Every call to a provider: a deadline, and no redirect followed (openid-client follows none). */
export const PROVIDER_FETCH_TIMEOUT_MS = 5000;
const DISCOVERY_TTL_MS = 5 * 60_000;
/** How long an Apple client secret (an ES256 JWT) made for one exchange lives. */
const APPLE_SECRET_TTL_SECONDS = 300;

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/**
 * Sign in with Apple's client secret: a JWT signed ES256 with the team's private key, naming the
 * team (`iss`), the client (`sub`), Apple's issuer (`aud`) and the key (`kid`).
 */
export function appleClientSecret(
  o: { teamId: string; keyId: string; clientId: string; privateKey: string; audience: string },
  nowSeconds = Math.floor(Date.now() / 1000),
): string {
  const header = b64url(JSON.stringify({ alg: 'ES256', kid: o.keyId }));
  const payload = b64url(
    JSON.stringify({
      iss: o.teamId,
      iat: nowSeconds,
      exp: nowSeconds + APPLE_SECRET_TTL_SECONDS,
      aud: o.audience,
      sub: o.clientId,
    }),
  );
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), {
    key: createPrivateKey(o.privateKey),
    dsaEncoding: 'ieee-p1363',
  });
  return `${header}.${payload}.${b64url(signature)}`;
}

/** The S256 challenge of a PKCE verifier. */
export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** Apple answers by form_post when the name or email is asked for (its rule). */
export function appleFormPost(scopes: string[]): boolean {
  return scopes.includes('name') || scopes.includes('email');
}

/** The token endpoint's answer as InboundFederation shows it (ADR 0061): its members as text. */
export function tokenResponseOf(tokens: TokenSet): Record<string, string> {
  const answer: Record<string, unknown> = {
    access_token: tokens.access_token,
    id_token: tokens.id_token,
    refresh_token: tokens.refresh_token,
    token_type: tokens.token_type,
    expires_in: tokens.expires_in,
    scope: tokens.scope,
  };
  return attributeTexts(answer);
}

/** Where openid-client's passport strategy keeps a sign-in's checks in `req.session`. */
const SESSION_KEY = 'idfed:oidc';

/** The refusal an attempt that did not succeed stands for; nothing of the provider's tokens in it. */
export function oidcRefusal(outcome: PassportOutcome): ProviderAnswerRefused {
  const err =
    outcome.kind === 'error' ? outcome.error : outcome.kind === 'fail' ? outcome.challenge : undefined;
  if (err instanceof ProviderAnswerRefused) return err;
  if (err instanceof errors.OPError)
    return new ProviderAnswerRefused('invalid_request', `The provider refused: ${err.error}.`);
  if (err instanceof errors.RPError)
    return new ProviderAnswerRefused('invalid_request', 'The provider’s answer failed verification.');
  return new ProviderAnswerRefused('invalid_request', 'The provider could not be reached.');
}

/**
 * OpenID Connect providers (OIDC, Google, Sign in with Apple) through openid-client, a certified
 * relying-party library, driven as passport drives its `Strategy` (ADR 0029): authorization code
 * with state, nonce and PKCE S256; the code exchanged at the token endpoint; the ID token's
 * signature (the issuer's JWKS), issuer, audience, expiry and nonce checked by the library; an
 * OIDC provider's user endpoint read by GET or POST as `attributes_request_method` says, its
 * claims merged over the ID token's; Google's People API (`attributes_url`) read for the People
 * fields the AttributeMapping names (ADR 0061). The state, nonce and verifier are idfed's (one-time state
 * row, values derived from the browser's binding, ADR 0024): given to the strategy as options on
 * the way out, and as the request's session on the way back.
 */
@Injectable()
export class OpenIdConnectStrategy implements FederationStrategy {
  readonly types = ['OIDC', 'Google', 'SignInWithApple'] as const;
  private readonly issuers = new Map<string, { issuer: Issuer<BaseClient>; expiresAt: number }>();

  async authorizationUrl(signIn: ProviderSignIn): Promise<string> {
    const strategy = await this.strategy(signIn);
    const outcome = await passportAttempt(strategy, startRequest(), {
      state: signIn.state,
      nonce: signIn.nonce,
      code_challenge: s256(signIn.codeVerifier),
      code_challenge_method: 'S256',
    });
    if (outcome.kind !== 'redirect') throw oidcRefusal(outcome);
    return outcome.url;
  }

  async claims(
    signIn: ProviderSignIn,
    params: Record<string, string>,
    method: 'GET' | 'POST',
  ): Promise<ProviderAnswer> {
    const strategy = await this.strategy(signIn);
    const session = {
      [SESSION_KEY]: {
        state: signIn.state,
        nonce: signIn.nonce,
        code_verifier: signIn.codeVerifier,
        response_type: 'code',
      },
    };
    // A callback without a code would be read by the strategy as a new sign-in when it has no state.
    if (typeof params.code !== 'string' || params.code.length === 0)
      throw new ProviderAnswerRefused('invalid_request', 'The provider gave no code.');
    const outcome = await passportAttempt(strategy, callbackRequest(params, method, session));
    if (outcome.kind !== 'success') throw oidcRefusal(outcome);
    return outcome.user as ProviderAnswer;
  }

  /** openid-client's passport strategy for this sign-in's client; its verify callback reads the claims. */
  private async strategy(signIn: ProviderSignIn): Promise<PassportStrategy> {
    const client = await this.client(signIn);
    const scopes = this.scopes(signIn);
    const verify = (tokens: TokenSet, done: (err: unknown, user?: ProviderAnswer) => void) => {
      this.verified(client, signIn, tokens).then(
        (claims) => done(null, claims),
        (err: unknown) => done(err),
      );
    };
    return new Strategy<ProviderAnswer>(
      {
        client,
        sessionKey: SESSION_KEY,
        // PKCE is idfed's (a verifier derived from the binding), given as options: not the strategy's random one.
        usePKCE: false,
        params: {
          redirect_uri: signIn.callbackUrl,
          response_type: 'code',
          scope: scopes.join(' '),
          ...(signIn.type === 'SignInWithApple' && appleFormPost(scopes)
            ? { response_mode: 'form_post' }
            : {}),
        },
      },
      verify,
    );
  }

  /** The strategy's verify step: the checked ID token's claims, and an OIDC provider's user endpoint. */
  private async verified(
    client: BaseClient,
    signIn: ProviderSignIn,
    tokens: TokenSet,
  ): Promise<ProviderAnswer> {
    if (!tokens.id_token)
      throw new ProviderAnswerRefused('invalid_request', 'The provider gave no ID token.');
    const idToken = { ...tokens.claims() };
    const claims: Record<string, unknown> = { ...idToken };
    if (signIn.type === 'OIDC' && signIn.details.attributes_url && tokens.access_token) {
      const method = signIn.details.attributes_request_method === 'POST' ? 'POST' : 'GET';
      const info = await client.userinfo(tokens, { method });
      Object.assign(claims, info, { sub: claims.sub });
    }
    if (signIn.type === 'Google') {
      const people = await readGooglePeople(
        signIn,
        tokens.access_token,
        String(claims.sub),
        PROVIDER_FETCH_TIMEOUT_MS,
      );
      Object.assign(claims, people);
    }
    return { claims, tokenResponse: tokenResponseOf(tokens), idToken: attributeTexts(idToken) };
  }

  private scopes(signIn: ProviderSignIn): string[] {
    const asked = (signIn.details.authorize_scopes ?? '').split(/[\s,]+/).filter(Boolean);
    // Apple's scopes are name and email; an OpenID Connect request needs openid.
    return asked.includes('openid') ? asked : ['openid', ...asked];
  }

  private async client(signIn: ProviderSignIn): Promise<BaseClient> {
    const issuer = await this.issuer(signIn);
    const d = signIn.details;
    const clientSecret =
      signIn.type === 'SignInWithApple'
        ? appleClientSecret({
            teamId: d.team_id,
            keyId: d.key_id,
            clientId: d.client_id,
            privateKey: signIn.secrets.private_key ?? '',
            audience: d.oidc_issuer,
          })
        : signIn.secrets.client_secret;
    const client = new issuer.Client({
      client_id: d.client_id,
      client_secret: clientSecret,
      redirect_uris: [signIn.callbackUrl],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    });
    client[custom.http_options] = () => ({ timeout: PROVIDER_FETCH_TIMEOUT_MS });
    return client;
  }

  /**
   * The provider's metadata: the endpoints in ProviderDetails (given, or computed for Google and
   * Apple from the IDFED_* base URLs), what they lack (the JWKS) from the issuer's discovery
   * document. Kept five minutes, with the keys openid-client fetched.
   */
  private async issuer(signIn: ProviderSignIn): Promise<Issuer<BaseClient>> {
    const d = signIn.details;
    const issuerUrl = d.oidc_issuer.replace(/\/+$/, '');
    const key = JSON.stringify([issuerUrl, d.authorize_url, d.token_url, d.attributes_url, d.jwks_uri]);
    const cached = this.issuers.get(key);
    if (cached && cached.expiresAt > Date.now()) return cached.issuer;
    let metadata: IssuerMetadata = {
      issuer: issuerUrl,
      authorization_endpoint: d.authorize_url,
      token_endpoint: d.token_url,
      userinfo_endpoint: d.attributes_url,
      jwks_uri: d.jwks_uri,
    };
    if (!metadata.authorization_endpoint || !metadata.token_endpoint || !metadata.jwks_uri) {
      let discovered: Issuer<BaseClient>;
      try {
        discovered = await Issuer.discover(`${issuerUrl}/.well-known/openid-configuration`);
      } catch {
        throw new ProviderAnswerRefused('invalid_request', 'The provider could not be reached.');
      }
      const m = discovered.metadata;
      metadata = {
        ...m,
        issuer: m.issuer,
        authorization_endpoint: metadata.authorization_endpoint ?? m.authorization_endpoint,
        token_endpoint: metadata.token_endpoint ?? m.token_endpoint,
        userinfo_endpoint: metadata.userinfo_endpoint ?? m.userinfo_endpoint,
        jwks_uri: metadata.jwks_uri ?? m.jwks_uri,
      };
    }
    const issuer = new Issuer(metadata);
    issuer[custom.http_options] = () => ({ timeout: PROVIDER_FETCH_TIMEOUT_MS });
    this.issuers.set(key, { issuer, expiresAt: Date.now() + DISCOVERY_TTL_MS });
    return issuer;
  }
}
