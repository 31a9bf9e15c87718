import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CommandMeta, OAuthOutcome, OAuthParams, OAuthSignInOutcome } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { ClientForAuth } from '../clients/clients.service';
import { SignInFederatedUserUseCase } from '../federation/sign-in-federated-user.use-case';
import { IdentityProviderViews } from '../providers/identity-provider-views';
import {
  IdentityProvidersRepository,
  StoredIdentityProvider,
} from '../providers/identity-providers.repository';
import { UsersRepository } from '../users/users.repository';
import { AuthorizeRequest, AuthorizeRequests, errorRedirect } from '../oauth/authorize-request';
import { HostedSignIn } from '../oauth/hosted-sign-in';
import { digestOf } from '../oauth/oauth-grants';
import { takesPoolPasswords } from '../oauth/pool-passwords';
import { FederationStatesRepository } from './federation-states.repository';
import { BlockedAddresses, SECURITY_REFUSAL } from '../risk/threat-protection';
import {
  FEDERATION_STRATEGIES,
  FederationStrategy,
  ProviderAnswer,
  ProviderAnswerRefused,
  ProviderSignIn,
} from './federation-strategy';

/** How long a redirect to a provider waits for its answer. */
export const FEDERATION_STATE_TTL_SECONDS = 600;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const ERROR_CODE = /^[a-z_]{1,64}$/;

const newToken = () => randomBytes(32).toString('base64url');
/** The nonce and PKCE verifier of a sign-in: derived from the browser's binding and the state, never stored. */
const derive = (binding: string, label: string, state: string) =>
  createHmac('sha256', binding).update(`${label}:${state}`).digest('base64url');

/** The app's error answer when the provider is not one its client may use (Cognito's). */
const NOT_ENABLED = 'The identity provider is not enabled for this client.';

/**
 * Sign-in through an identity provider (ADR 0024): the relying party runs here, in the user
 * directory, where the provider's sealed secret is opened, and nowhere else. `start` sends the
 * browser to the provider with a one-time state whose digest names the app's authorization
 * request, bound to the browser by a cookie; `complete` takes the provider's answer back at
 * /oauth2/idpresponse, has the provider type's strategy verify it, makes the pool user
 * (SignInFederatedUser) and answers the app as a password sign-in would.
 */
@Injectable()
export class FederatedSignIn {
  private readonly strategies = new Map<string, FederationStrategy>();

  constructor(
    @Inject(IdentityProvidersRepository) private readonly providers: IdentityProvidersRepository,
    @Inject(IdentityProviderViews) private readonly views: IdentityProviderViews,
    @Inject(FederationStatesRepository) private readonly states: FederationStatesRepository,
    @Inject(AuthorizeRequests) private readonly requests: AuthorizeRequests,
    @Inject(SignInFederatedUserUseCase) private readonly federatedUsers: SignInFederatedUserUseCase,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(HostedSignIn) private readonly hosted: HostedSignIn,
    @Inject(FEDERATION_STRATEGIES) strategies: FederationStrategy[],
    @Inject(BlockedAddresses) private readonly blocked: BlockedAddresses,
  ) {
    for (const strategy of strategies) for (const type of strategy.types) this.strategies.set(type, strategy);
  }

  /** Whether the request names a provider other than the pool's own sign-in. */
  asksForProvider(request: AuthorizeRequest): boolean {
    return (
      (request.identityProvider !== undefined && request.identityProvider !== 'COGNITO') ||
      (request.identityProvider === undefined && request.idpIdentifier !== undefined)
    );
  }

  /** The providers the client may use other than COGNITO, in its order, that the pool has. */
  async chooserOf(auth: ClientForAuth): Promise<{ providers: string[]; passwordSignIn: boolean }> {
    const supported = auth.client.config.supportedIdentityProviders ?? [];
    const names = new Set(await this.providers.names(auth.client.poolId));
    return {
      providers: supported.filter((n) => n !== 'COGNITO' && names.has(n)),
      passwordSignIn: takesPoolPasswords(auth),
    };
  }

  /** The redirect to the provider the request names, with its state, and the binding cookie's value. */
  async start(
    auth: ClientForAuth,
    request: AuthorizeRequest,
    params: OAuthParams,
    callbackUrl: string | undefined,
    bindingToken: string | undefined,
  ): Promise<OAuthOutcome> {
    const refuse = (description: string) =>
      errorRedirect(request.redirectUri, request.responseType, 'invalid_request', description, request.state);
    const poolId = auth.client.poolId;
    const found = await this.resolve(poolId, request);
    const supported = auth.client.config.supportedIdentityProviders ?? [];
    if (!found || !supported.includes(found.provider.name)) return refuse(NOT_ENABLED);
    const strategy = this.strategies.get(found.provider.type);
    if (!strategy || !callbackUrl)
      return refuse('Sign-in through this kind of identity provider is not available.');
    const state = newToken();
    const binding = bindingToken && TOKEN.test(bindingToken) ? bindingToken : newToken();
    const signIn = this.signIn(found, callbackUrl, state, binding);
    let location: string;
    try {
      location = await strategy.authorizationUrl(signIn);
    } catch (err) {
      if (err instanceof ProviderAnswerRefused) return refuse(err.description);
      throw err;
    }
    const { identity_provider: _a, idp_identifier: _b, ...appParams } = params;
    await this.states.insert(digestOf(state), {
      poolId,
      providerName: found.provider.name,
      bindingHash: digestOf(binding),
      callbackUrl,
      params: { ...appParams, identity_provider: found.provider.name },
      expiresAt: new Date(Date.now() + FEDERATION_STATE_TTL_SECONDS * 1000),
    });
    return {
      kind: 'federate',
      location,
      bindingToken: binding,
      bindingMaxAgeSeconds: FEDERATION_STATE_TTL_SECONDS,
    };
  }

  /** The provider's answer at /oauth2/idpresponse (its query, or its form for form_post). */
  async complete(
    poolId: string,
    params: OAuthParams,
    bindingToken: string | undefined,
    meta: CommandMeta,
    method: 'GET' | 'POST' = 'GET',
  ): Promise<OAuthSignInOutcome> {
    const invalidState: OAuthSignInOutcome = {
      kind: 'error',
      error: 'invalid_request',
      description: 'Invalid state.',
    };
    const state = params.state;
    if (typeof state !== 'string' || !TOKEN.test(state)) return invalidState;
    const stored = await this.states.take(digestOf(state));
    if (!stored || stored.poolId !== poolId || stored.expiresAt.getTime() <= Date.now()) return invalidState;
    // The state was handed to this browser: another browser (or none) carrying it is refused.
    if (!bindingToken || !TOKEN.test(bindingToken)) return invalidState;
    const a = digestOf(bindingToken);
    if (a.length !== stored.bindingHash.length || !timingSafeEqual(a, stored.bindingHash))
      return invalidState;
    const checked = await this.requests.check(poolId, stored.params);
    if (!checked.ok) return checked.outcome;
    const { auth, request } = checked;
    const refuse = (error: string, description: string | undefined) =>
      errorRedirect(request.redirectUri, request.responseType, error, description, request.state);
    // Threat protection's block list (ADR 0091): before the provider's answer is redeemed or any
    // user is made or looked up, the app is told the request was denied.
    if (await this.blocked.isBlocked(auth.pool, auth.client.id, meta.sourceIp))
      return refuse('access_denied', SECURITY_REFUSAL);
    if (typeof params.error === 'string') {
      // The provider's refusal (access_denied, ...) goes back to the app as Cognito relays it.
      const error = ERROR_CODE.test(params.error) ? params.error : 'server_error';
      const description =
        typeof params.error_description === 'string' ? params.error_description.slice(0, 256) : undefined;
      return refuse(error, description);
    }
    const found = await this.providers.find(poolId, stored.providerName);
    const supported = auth.client.config.supportedIdentityProviders ?? [];
    if (!found || !supported.includes(found.provider.name)) return refuse('invalid_request', NOT_ENABLED);
    const strategy = this.strategies.get(found.provider.type);
    if (!strategy) return refuse('invalid_request', NOT_ENABLED);
    let answer: ProviderAnswer;
    try {
      answer = await strategy.claims(
        this.signIn(found, stored.callbackUrl, state, bindingToken),
        params,
        method,
      );
    } catch (err) {
      if (err instanceof ProviderAnswerRefused) return refuse(err.error, err.description);
      throw err;
    }
    let sub: string;
    try {
      const user = await this.federatedUsers.execute(
        {
          UserPoolId: poolId,
          ProviderName: found.provider.name,
          Claims: answer.claims,
          ClientId: auth.client.id,
        },
        meta,
        { tokenResponse: answer.tokenResponse, idToken: answer.idToken },
      );
      sub = user.Sub;
    } catch (err) {
      if (err instanceof ServiceError) return refuse('invalid_request', err.message);
      throw err;
    }
    const user = await this.users.findBySub(sub);
    if (!user) return refuse('invalid_request', 'User does not exist.');
    return this.hosted.afterFederation(auth, request, user);
  }

  private async resolve(
    poolId: string,
    request: AuthorizeRequest,
  ): Promise<StoredIdentityProvider | undefined> {
    if (request.identityProvider !== undefined) return this.providers.find(poolId, request.identityProvider);
    if (request.idpIdentifier !== undefined)
      return this.providers.findByIdentifier(poolId, request.idpIdentifier);
    return undefined;
  }

  private signIn(
    found: StoredIdentityProvider,
    callbackUrl: string,
    state: string,
    binding: string,
  ): ProviderSignIn {
    const answered = this.views.toType(found);
    const { client_secret: _s, ...details } = answered.ProviderDetails ?? {};
    return {
      poolId: found.provider.poolId,
      providerName: found.provider.name,
      type: found.provider.type,
      details,
      attributeMapping: answered.AttributeMapping ?? {},
      secrets: this.views.open(found.provider.poolId, found.provider.name, found.provider.secretsEnc),
      callbackUrl,
      state,
      nonce: derive(binding, 'nonce', state),
      codeVerifier: derive(binding, 'pkce', state),
    };
  }
}
