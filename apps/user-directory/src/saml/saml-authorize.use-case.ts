import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  OAuthParams,
  SamlAuthorizeOutcome,
  SamlAuthorizeRequest,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { AuthorizeRequests, errorRedirect } from '../oauth/authorize-request';
import { digestOf } from '../oauth/oauth-grants';
import { samlProviderOf } from './saml-providers';
import { IdentityProvidersRepository } from '../providers/identity-providers.repository';
import { SamlKeyStore } from './saml-key-store';
import { authnRequest } from './saml-protocol';
import { SamlRepository } from './saml.repository';

/** An AuthnRequest waits ten minutes for its response. */
export const SAML_REQUEST_TTL_SECONDS = 600;
const BROWSER_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The app's authorization request without the provider's name (checked by AuthorizeRequests). */
export function withoutProvider(params: OAuthParams): OAuthParams {
  const rest = { ...params };
  delete rest.identity_provider;
  delete rest.idp_identifier;
  return rest;
}

/**
 * /oauth2/authorize with `identity_provider` or `idp_identifier` naming a SAML provider of the pool
 * (ADR 0025): the app's request is checked as any other, the provider must be one of the client's
 * SupportedIdentityProviders, and the browser is sent to the IdP with an AuthnRequest and a
 * RelayState of ours: random, stored as its SHA-256 with the request, the AuthnRequest's ID and the
 * SHA-256 of a browser-binding cookie, for ten minutes, taken once. A provider that is not SAML is
 * left to the generic flow (`not-saml`). A provider whose `RequestSigningAlgorithm` is `rsa-sha256`
 * gets the request signed with the pool's signing key (ADR 0059).
 */
@Injectable()
export class SamlAuthorizeUseCase implements OperationHandler<typeof UserDirectoryOperations.SamlAuthorize> {
  constructor(
    @Inject(AuthorizeRequests) private readonly requests: AuthorizeRequests,
    @Inject(IdentityProvidersRepository) private readonly providers: IdentityProvidersRepository,
    @Inject(SamlRepository) private readonly saml: SamlRepository,
    @Inject(SamlKeyStore) private readonly keys: SamlKeyStore,
  ) {}

  async execute(req: SamlAuthorizeRequest): Promise<SamlAuthorizeOutcome> {
    const params = req.Params ?? {};
    const provider = await samlProviderOf(this.providers, req.UserPoolId, params);
    if (!provider) return { kind: 'not-saml' };
    const checked = await this.requests.check(req.UserPoolId, withoutProvider(params));
    if (!checked.ok) return checked.outcome;
    const { request, auth } = checked;
    if (!(auth.client.config.supportedIdentityProviders ?? []).includes(provider.name)) {
      return errorRedirect(
        request.redirectUri,
        request.responseType,
        'invalid_request',
        'The identity provider is not enabled for this client.',
        request.state,
      );
    }
    const browserToken =
      typeof req.BrowserToken === 'string' && BROWSER_TOKEN.test(req.BrowserToken)
        ? req.BrowserToken
        : randomBytes(32).toString('base64url');
    const relayState = randomBytes(32).toString('base64url');
    const signing =
      provider.details.RequestSigningAlgorithm === 'rsa-sha256'
        ? await this.keys.signingKey(req.UserPoolId)
        : undefined;
    const out = authnRequest(req.UserPoolId, req.AcsUrl, provider.samlMetadata!, relayState, signing);
    await this.saml.insertRequest(digestOf(relayState), {
      poolId: req.UserPoolId,
      providerName: provider.name,
      requestId: out.requestId,
      browserHash: digestOf(browserToken),
      params: withoutProvider(params),
      acsUrl: req.AcsUrl,
      expiresAt: new Date(Date.now() + SAML_REQUEST_TTL_SECONDS * 1000),
    });
    return {
      kind: 'saml-request',
      binding: out.binding,
      location: out.location,
      ...(out.fields ? { fields: out.fields } : {}),
      browserToken,
      maxAgeSeconds: SAML_REQUEST_TTL_SECONDS,
    };
  }
}
