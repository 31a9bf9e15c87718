import { Inject, Injectable } from '@nestjs/common';
import { IssuedTokenTypeIdentifierType, TokenTypeIdentifierType } from '@idfed/contracts';
import { randomUUID } from 'node:crypto';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
import { readableAttributes } from '../clients/attribute-permissions';
import { allowsTokenExchange, lifetimesInSeconds } from '../clients/client-config';
import { ClientForAuth } from '../clients/clients.service';
import { CognitoErrors } from '../common/cognito-errors';
import { ServiceError } from '@idfed/messaging';
import { GroupsRepository } from '../groups/groups.repository';
import { ResourceServersRepository } from '../resource-servers/resource-servers.repository';
import { TokenIssuer } from '../tokens/token-issuer';

/** A token exchange once the client has proved itself (ADR 0088). */
export interface TokenExchangeRequest {
  subjectToken: string;
  subjectTokenType: TokenTypeIdentifierType;
  subjectTokenProviderName?: string;
  actorToken?: string;
  actorTokenType?: TokenTypeIdentifierType;
  actorTokenProviderName?: string;
  scopes?: string[];
  audiences?: string[];
  resources?: string[];
  requestedTokenType?: IssuedTokenTypeIdentifierType;
}

export interface ExchangedToken {
  token: string;
  type: IssuedTokenTypeIdentifierType;
  expiresIn: number;
  /** The access token's granted scopes; none for an ID token. */
  scopes?: string[];
}

/**
 * A refusal of the exchange in both its forms: the API's error, and the token endpoint's RFC 6749 /
 * RFC 8693 code. A subject or actor token that fails its checks is a ServiceError of the verifier
 * (the API answers it as it is; the endpoint answers `invalid_grant`).
 */
export class ExchangeRefusal extends Error {
  constructor(
    readonly oauth: 'invalid_request' | 'unauthorized_client' | 'invalid_target' | 'invalid_grant',
    readonly api: ServiceError,
  ) {
    super(api.message);
  }
}

const refuse = (oauth: ExchangeRefusal['oauth'], message: string) =>
  new ExchangeRefusal(oauth, CognitoErrors.invalidParameter(message));

function scopesOf(claim: unknown): string[] {
  return typeof claim === 'string' ? claim.split(' ').filter(Boolean) : [];
}

/**
 * The scopes of the issued token, as AWS's reference of GetDerivedToken's `Scopes` says: "the
 * intersection of these requested scopes, the scopes of your SubjectToken, and the scopes that are
 * allowed for the requesting app client"; none asked, "the same scopes as your SubjectToken". A
 * scope is never added by an exchange.
 */
export function grantedScopes(
  asked: readonly string[] | undefined,
  subject: readonly string[],
  clientAllowed: readonly string[],
): string[] {
  if (!asked || asked.length === 0) return [...new Set(subject)];
  return [...new Set(asked)].filter((s) => subject.includes(s) && clientAllowed.includes(s));
}

/**
 * The issued token's lifetime: the client's for its kind, never beyond the subject token's own
 * expiry, so that exchanging a token again and again cannot outlive the session it came from.
 */
export function derivedLifetime(clientTtl: number, subjectExp: number, nowSeconds: number): number {
  return Math.max(1, Math.min(clientTtl, subjectExp - nowSeconds));
}

/**
 * RFC 8693 token exchange for GetDerivedToken (ADR 0088): a user's access or ID token that this
 * pool issued to the requesting client, exchanged for an access or ID token of the same session
 * (same `origin_jti`, so revoking the session revokes it too) with narrowed scopes, bound to one
 * resource server of the pool when asked, and with `act` naming the client when it presents its
 * own machine token (client_credentials) as ActorToken. Third-party subject tokens (SAML2,
 * SubjectTokenProviderName) and `Audiences` are refused: docs/status.md says why.
 */
@Injectable()
export class TokenExchange {
  constructor(
    @Inject(AccessTokenVerifier) private readonly verifier: AccessTokenVerifier,
    @Inject(GroupsRepository) private readonly groups: GroupsRepository,
    @Inject(ResourceServersRepository) private readonly resourceServers: ResourceServersRepository,
    @Inject(TokenIssuer) private readonly issuer: TokenIssuer,
  ) {}

  async exchange(auth: ClientForAuth, req: TokenExchangeRequest): Promise<ExchangedToken> {
    const delegation = req.actorToken !== undefined;
    if (delegation !== (req.actorTokenType !== undefined))
      throw refuse('invalid_request', 'ActorToken and ActorTokenType must be given together.');
    if (!allowsTokenExchange(auth.client.config, delegation ? 'DELEGATION' : 'IMPERSONATION'))
      throw refuse(
        'unauthorized_client',
        `Token exchange ${delegation ? 'delegation' : 'impersonation'} is not enabled for this client.`,
      );
    if (req.subjectTokenProviderName !== undefined || req.actorTokenProviderName !== undefined)
      throw refuse('invalid_request', 'Tokens of third-party identity providers are not supported.');
    if (req.subjectTokenType === 'SAML2' || req.actorTokenType === 'SAML2')
      throw refuse('invalid_request', 'SAML2 tokens are not supported.');
    const audience = await this.audienceOf(auth, req);
    const use = req.subjectTokenType === 'ACCESS_TOKEN' ? 'access' : 'id';
    const { user, claims, poolId } = await this.verifier.verifyOfUse(req.subjectToken, use);
    // Only a token this pool issued to this client is exchanged: another client's or pool's token
    // is answered as a forged one is.
    const issuedTo = use === 'access' ? claims.client_id : claims.aud;
    if (poolId !== auth.client.poolId || issuedTo !== auth.client.id)
      throw CognitoErrors.notAuthorized(`Invalid ${use === 'access' ? 'Access' : 'ID'} Token`);
    const actor = delegation ? await this.actorOf(auth, req) : undefined;
    const kind = req.requestedTokenType ?? 'ACCESS_TOKEN';
    const config = auth.client.config;
    const scopes =
      kind === 'ACCESS_TOKEN'
        ? grantedScopes(
            req.scopes,
            use === 'access' ? scopesOf(claims.scope) : [],
            config.allowedOAuthScopes ?? [],
          )
        : undefined;
    const now = Math.floor(Date.now() / 1000);
    const lifetimes = lifetimesInSeconds(config);
    const ttl = derivedLifetime(
      kind === 'ACCESS_TOKEN' ? lifetimes.access : lifetimes.id,
      typeof claims.exp === 'number' ? claims.exp : now,
      now,
    );
    const token = await this.issuer.issueDerived(
      poolId,
      {
        sub: user.sub,
        username: user.username,
        attributes: readableAttributes(config, user.attributes),
        groups: await this.groups.claimsOf(user.sub),
      },
      {
        clientId: auth.client.id,
        originJti: typeof claims.origin_jti === 'string' ? claims.origin_jti : randomUUID(),
        eventId: typeof claims.event_id === 'string' ? claims.event_id : randomUUID(),
        authTime: typeof claims.auth_time === 'number' ? claims.auth_time : now,
        ...(scopes ? { scopes } : {}),
      },
      ttl,
      {
        use: kind === 'ACCESS_TOKEN' ? 'access' : 'id',
        ...(audience !== undefined ? { audience } : {}),
        ...(actor !== undefined ? { actor } : {}),
      },
    );
    return { token, type: kind, expiresIn: ttl, ...(scopes ? { scopes } : {}) };
  }

  /**
   * The resource server the token is bound to. "You can't request both Audiences and Resources";
   * a resource is the identifier of a resource server of the client's pool. No model idfed has
   * names the audiences a client may ask for, so an audience is refused (docs/status.md).
   */
  private async audienceOf(auth: ClientForAuth, req: TokenExchangeRequest): Promise<string | undefined> {
    const audiences = req.audiences ?? [];
    const resources = req.resources ?? [];
    if (audiences.length > 0 && resources.length > 0)
      throw refuse('invalid_request', 'Audiences and Resources cannot both be requested.');
    if (audiences.length > 0) throw refuse('invalid_target', 'The requested audience is not allowed.');
    if (resources.length === 0) return undefined;
    const server = await this.resourceServers.find(auth.client.poolId, resources[0]);
    if (!server)
      throw refuse('invalid_target', 'The requested resource is not a resource server of this user pool.');
    return server.identifier;
  }

  /**
   * The intermediary, which is the requesting client itself: its own machine access token
   * (client_credentials: `sub` and `client_id` the client) of this pool. A user's token, an ID
   * token (a machine has none) or another client's token does not name the client acting.
   */
  private async actorOf(auth: ClientForAuth, req: TokenExchangeRequest): Promise<string> {
    if (req.actorTokenType !== 'ACCESS_TOKEN')
      throw refuse('invalid_request', 'The actor token must be an access token.');
    const { claims, poolId } = await this.verifier.signedClaims(req.actorToken ?? '', 'access');
    if (poolId !== auth.client.poolId || claims.client_id !== auth.client.id || claims.sub !== auth.client.id)
      throw CognitoErrors.notAuthorized('Invalid actor token');
    return auth.client.id;
  }
}
