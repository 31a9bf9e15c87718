import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  CommandMeta,
  OAuthParams,
  SamlResponseOutcome,
  SamlResponseRequest,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { OperationHandler } from '@idfed/service-runtime';
import { SignInFederatedUserUseCase } from '../federation/sign-in-federated-user.use-case';
import { AuthorizeRequests, errorRedirect } from '../oauth/authorize-request';
import { HostedSessionsRepository } from '../oauth/hosted-sessions.repository';
import { HostedSignIn } from '../oauth/hosted-sign-in';
import { digestOf } from '../oauth/oauth-grants';
import { IdentityProviderViews } from '../providers/identity-provider-views';
import { IdentityProvidersRepository } from '../providers/identity-providers.repository';
import { UsersRepository } from '../users/users.repository';
import { withoutProvider } from './saml-authorize.use-case';
import { SAML_RESPONSE_MAX_CHARS, SamlRefusal, verifyResponse } from './saml-protocol';
import { samlProviderOf } from './saml-providers';
import { SamlRepository } from './saml.repository';
import { BlockedAddresses, SECURITY_REFUSAL } from '../risk/threat-protection';

const logger = new Logger('SamlResponse');
const MAX_RELAY_STATE = 4096;

/** The error page of a response that cannot be tied to an app's request. */
const INVALID_RELAY: SamlResponseOutcome = {
  kind: 'error',
  error: 'invalid_request',
  description: 'Invalid samlResponse or relayState from identity provider.',
};

function sameDigest(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * POST /saml2/idpresponse, the pool's assertion consumer service (ADR 0025).
 *
 * SP-initiated: the RelayState names a stored AuthnRequest (taken once, whatever follows), which must
 * be this pool's, unexpired, sent to this browser (its binding cookie) for this ACS URL; the response
 * must answer that AuthnRequest (InResponseTo). IdP-initiated: a RelayState that names no request is
 * read as the authorization request's parameters (Cognito's form), allowed only for a provider whose
 * `IDPInit` is `true`, and its response must answer no request. Either way the response is verified
 * against the stored metadata (saml-protocol.ts), an EncryptedAssertion opened with the provider's
 * encryption key and a plain one refused when `EncryptedResponses` is `true` (ADR 0059), its
 * assertion id remembered until it expires (a replay is refused), then the NameID signs in as the federated user with the SAML attributes for
 * AttributeMapping, a hosted session opens (remembering the NameID and SessionIndex for the single
 * logout, ADR 0069) and the app gets its code or tokens.
 */
@Injectable()
export class SamlResponseUseCase implements OperationHandler<typeof UserDirectoryOperations.SamlResponse> {
  constructor(
    @Inject(SamlRepository) private readonly saml: SamlRepository,
    @Inject(IdentityProvidersRepository) private readonly providers: IdentityProvidersRepository,
    @Inject(AuthorizeRequests) private readonly requests: AuthorizeRequests,
    @Inject(SignInFederatedUserUseCase) private readonly federated: SignInFederatedUserUseCase,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(HostedSignIn) private readonly hosted: HostedSignIn,
    @Inject(IdentityProviderViews) private readonly views: IdentityProviderViews,
    @Inject(HostedSessionsRepository) private readonly sessions: HostedSessionsRepository,
    @Inject(BlockedAddresses) private readonly blocked: BlockedAddresses,
  ) {}

  async execute(req: SamlResponseRequest, meta: CommandMeta): Promise<SamlResponseOutcome> {
    const samlResponse = req.SAMLResponse;
    if (typeof samlResponse !== 'string' || !samlResponse || samlResponse.length > SAML_RESPONSE_MAX_CHARS)
      return INVALID_RELAY;
    const relay = typeof req.RelayState === 'string' ? req.RelayState : '';
    if (!relay || relay.length > MAX_RELAY_STATE) return INVALID_RELAY;

    let params: OAuthParams;
    let providerName: string;
    let expectedInResponseTo: string | undefined;
    const stored = await this.saml.takeRequest(digestOf(relay));
    if (stored) {
      const browser = typeof req.BrowserToken === 'string' ? digestOf(req.BrowserToken) : undefined;
      if (
        stored.poolId !== req.UserPoolId ||
        stored.expiresAt.getTime() <= Date.now() ||
        !browser ||
        !sameDigest(browser, stored.browserHash) ||
        stored.acsUrl !== req.AcsUrl
      ) {
        logger.warn(`SAML response refused for ${req.UserPoolId}: RelayState not bound to this browser`);
        return INVALID_RELAY;
      }
      params = stored.params;
      providerName = stored.providerName;
      expectedInResponseTo = stored.requestId;
    } else {
      // IdP-initiated: the RelayState carries the authorization request itself.
      const asked: OAuthParams = {};
      for (const [k, v] of new URLSearchParams(relay)) if (!(k in asked)) asked[k] = v;
      const provider = await samlProviderOf(this.providers, req.UserPoolId, asked);
      if (!provider || provider.details.IDPInit !== 'true') return INVALID_RELAY;
      params = withoutProvider(asked);
      providerName = provider.name;
    }

    const checked = await this.requests.check(req.UserPoolId, params);
    if (!checked.ok) return checked.outcome;
    const { auth, request } = checked;
    const refuse = (description: string, error = 'invalid_request'): SamlResponseOutcome =>
      errorRedirect(request.redirectUri, request.responseType, error, description, request.state);
    // Threat protection's block list (ADR 0091): before the assertion is read or remembered and
    // before any user is made or looked up, the app is told the request was denied.
    if (await this.blocked.isBlocked(auth.pool, auth.client.id, meta.sourceIp))
      return refuse(SECURITY_REFUSAL, 'access_denied');
    if (!(auth.client.config.supportedIdentityProviders ?? []).includes(providerName))
      return refuse('The identity provider is not enabled for this client.');
    const found = await this.providers.find(req.UserPoolId, providerName);
    const provider = found?.provider;
    if (!provider || provider.type !== 'SAML' || !provider.samlMetadata)
      return refuse('The identity provider is not enabled for this client.');

    let assertion;
    try {
      const key = this.views.open(provider.poolId, provider.name, provider.secretsEnc).samlEncryption;
      assertion = await verifyResponse(
        req.UserPoolId,
        req.AcsUrl,
        provider.samlMetadata,
        samlResponse,
        new Date(),
        key
          ? { privateKeys: [key.privateKey], required: provider.details.EncryptedResponses === 'true' }
          : undefined,
      );
      if (assertion.inResponseTo !== expectedInResponseTo)
        throw new SamlRefusal(
          expectedInResponseTo
            ? 'InResponseTo names another request'
            : 'unsolicited response answers a request',
        );
      if (
        !(await this.saml.rememberAssertion(
          req.UserPoolId,
          provider.name,
          assertion.assertionId,
          assertion.notOnOrAfter,
        ))
      )
        throw new SamlRefusal('assertion already used');
    } catch (err) {
      if (!(err instanceof SamlRefusal)) throw err;
      logger.warn(`SAML response from ${provider.name} refused for ${req.UserPoolId}: ${err.message}`);
      return refuse('Invalid SAML response received.', 'server_error');
    }

    let sub: string;
    try {
      const signedIn = await this.federated.execute(
        {
          UserPoolId: req.UserPoolId,
          ProviderName: provider.name,
          Subject: assertion.nameId,
          Claims: assertion.attributes,
          // The app client of the sign-in: its WriteAttributes and the triggers' clientId (ADR 0061).
          ClientId: auth.client.id,
        },
        meta,
      );
      sub = signedIn.Sub;
    } catch (err) {
      if (err instanceof ServiceError) return refuse(err.message);
      throw err;
    }
    const user = await this.users.findBySub(sub);
    if (!user) return refuse('User does not exist.');
    const outcome = await this.hosted.signedIn(auth, request, user);
    // The session remembers the assertion's NameID and SessionIndex: its single logout names them.
    if (outcome.kind === 'signed-in')
      await this.sessions.attachSaml(digestOf(outcome.sessionToken), {
        providerName: provider.name,
        nameId: assertion.nameId,
        ...(assertion.nameIdFormat ? { nameIdFormat: assertion.nameIdFormat } : {}),
        ...(assertion.sessionIndex ? { sessionIndex: assertion.sessionIndex } : {}),
      });
    return outcome;
  }
}
