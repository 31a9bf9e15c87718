import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  OAuthLogoutOutcome,
  SamlLogoutOutcome,
  SamlLogoutRequest,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { HostedSessionsRepository } from '../oauth/hosted-sessions.repository';
import { digestOf } from '../oauth/oauth-grants';
import { IdentityProvidersRepository } from '../providers/identity-providers.repository';
import { SamlKeyStore } from './saml-key-store';
import {
  hasSingleLogout,
  logoutRequest,
  SAML_RESPONSE_MAX_CHARS,
  SamlRefusal,
  verifyLogoutResponse,
} from './saml-protocol';
import { SamlLogoutNext, SamlRepository } from './saml.repository';

const logger = new Logger('SamlLogout');
/** A LogoutRequest waits ten minutes for its answer, as an AuthnRequest does. */
export const SAML_LOGOUT_TTL_SECONDS = 600;
const MAX_RELAY_STATE = 4096;

const INVALID: SamlLogoutOutcome = {
  kind: 'error',
  error: 'invalid_request',
  description: 'Invalid samlResponse or relayState from identity provider.',
};

/**
 * SAML single logout, SP-initiated as Cognito does it (ADR 0069). `/logout` calls `begin` with the
 * browser's session before closing it: when the session came from a SAML provider whose
 * `IDPSignout` is `true` and whose metadata names a SingleLogoutService, a LogoutRequest signed with
 * the pool's current signing key, naming the sign-in's NameID and SessionIndex, is made and stored
 * (by its RelayState's SHA-256, with where `/logout` would have sent the browser, ten minutes).
 */
@Injectable()
export class SamlSingleLogout {
  constructor(
    @Inject(HostedSessionsRepository) private readonly sessions: HostedSessionsRepository,
    @Inject(IdentityProvidersRepository) private readonly providers: IdentityProvidersRepository,
    @Inject(SamlRepository) private readonly saml: SamlRepository,
    @Inject(SamlKeyStore) private readonly keys: SamlKeyStore,
  ) {}

  /** The redirect to the IdP, or undefined when the session needs none (then `next` applies). */
  async begin(
    poolId: string,
    sessionToken: string | undefined,
    next: SamlLogoutNext,
  ): Promise<OAuthLogoutOutcome | undefined> {
    if (!sessionToken || sessionToken.length > 256) return undefined;
    const session = await this.sessions.find(digestOf(sessionToken));
    if (!session || session.poolId !== poolId || !session.saml) return undefined;
    if (session.expiresAt.getTime() <= Date.now()) return undefined;
    const provider = (await this.providers.find(poolId, session.saml.providerName))?.provider;
    if (
      !provider ||
      provider.type !== 'SAML' ||
      provider.details.IDPSignout !== 'true' ||
      !provider.samlMetadata ||
      !hasSingleLogout(provider.samlMetadata)
    )
      return undefined;
    const relayState = randomBytes(32).toString('base64url');
    const out = logoutRequest(
      poolId,
      provider.samlMetadata,
      session.saml,
      relayState,
      await this.keys.signingKey(poolId),
    );
    await this.saml.insertLogoutRequest(digestOf(relayState), {
      poolId,
      providerName: provider.name,
      requestId: out.requestId,
      next,
      expiresAt: new Date(Date.now() + SAML_LOGOUT_TTL_SECONDS * 1000),
    });
    return {
      kind: 'saml-logout',
      binding: out.binding,
      location: out.location,
      ...(out.fields ? { fields: out.fields } : {}),
    };
  }
}

/**
 * POST /saml2/logout (ADR 0069): the IdP's LogoutResponse. Its RelayState names a stored
 * LogoutRequest (taken once, whatever follows, so a replay finds nothing) of this pool, unexpired;
 * the response must be signed by one of the provider's metadata certificates, issued by it, a
 * success, answer that request (InResponseTo) and be addressed to this endpoint (Destination). Then
 * the browser goes where `/logout` would have sent it. Anything else is an error page and changes
 * nothing (the session was closed by `/logout` already). Cognito documents no IdP-initiated
 * LogoutRequest at this endpoint; one is refused.
 */
@Injectable()
export class SamlLogoutUseCase implements OperationHandler<typeof UserDirectoryOperations.SamlLogout> {
  constructor(
    @Inject(SamlRepository) private readonly saml: SamlRepository,
    @Inject(IdentityProvidersRepository) private readonly providers: IdentityProvidersRepository,
  ) {}

  async execute(req: SamlLogoutRequest): Promise<SamlLogoutOutcome> {
    const samlResponse = req.SAMLResponse;
    if (typeof samlResponse !== 'string' || !samlResponse || samlResponse.length > SAML_RESPONSE_MAX_CHARS)
      return INVALID;
    const relay = typeof req.RelayState === 'string' ? req.RelayState : '';
    if (!relay || relay.length > MAX_RELAY_STATE) return INVALID;
    const stored = await this.saml.takeLogoutRequest(digestOf(relay));
    if (!stored || stored.poolId !== req.UserPoolId || stored.expiresAt.getTime() <= Date.now()) {
      logger.warn(
        `SAML logout response refused for ${req.UserPoolId}: no pending request for its RelayState`,
      );
      return INVALID;
    }
    const provider = (await this.providers.find(req.UserPoolId, stored.providerName))?.provider;
    if (!provider || provider.type !== 'SAML' || !provider.samlMetadata) return INVALID;
    try {
      await verifyLogoutResponse(req.UserPoolId, provider.samlMetadata, samlResponse, {
        requestId: stored.requestId,
        logoutUrl: req.LogoutUrl,
      });
    } catch (err) {
      if (!(err instanceof SamlRefusal)) throw err;
      logger.warn(`SAML logout response from ${provider.name} refused for ${req.UserPoolId}: ${err.message}`);
      return INVALID;
    }
    return stored.next;
  }
}
