import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  GetDerivedTokenRequest,
  GetDerivedTokenResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { ClientsService, isClientSecret } from '../clients/clients.service';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, Patterns, RequestValidator } from '../common/validate';
import { ExchangeRefusal, ExchangedToken, TokenExchange } from './token-exchange';

const TOKEN = { required: true, max: 131072, pattern: /^[A-Za-z0-9\-_+/=.]+$/, secret: true } as const;
const TOKEN_TYPES = ['ACCESS_TOKEN', 'ID_TOKEN', 'SAML2'] as const;
const NAME = { min: 1, max: 32, pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}\p{Z}]+$/u } as const;
const URI_ITEM = { min: 1, max: 256, pattern: /^[\x21\x23-\x5B\x5D-\x7E]+$/ } as const;

/**
 * GetDerivedToken (RFC 8693 token exchange, ADR 0088). A client with a secret proves itself with
 * `ClientSecret` (either secret during a rotation) before anything about its settings or the
 * tokens is answered, as GetTokensFromRefreshToken does; TokenExchange does the rest.
 */
@Injectable()
export class GetDerivedTokenUseCase implements OperationHandler<
  typeof UserDirectoryOperations.GetDerivedToken
> {
  constructor(
    @Inject(ClientsService) private readonly clients: ClientsService,
    @Inject(TokenExchange) private readonly exchange: TokenExchange,
  ) {}

  async execute(req: GetDerivedTokenRequest, meta?: CommandMeta): Promise<GetDerivedTokenResponse> {
    RequestValidator.of(req)
      .string('ClientId', Members.clientId)
      .string('ClientSecret', { min: 24, max: 64, pattern: Patterns.clientSecret, secret: true })
      .string('SubjectToken', TOKEN)
      .oneOf('SubjectTokenType', TOKEN_TYPES, true)
      .string('SubjectTokenProviderName', NAME)
      .string('ActorToken', { ...TOKEN, required: false })
      .oneOf('ActorTokenType', TOKEN_TYPES)
      .string('ActorTokenProviderName', NAME)
      .stringList('Scopes', { maxItems: 50, item: URI_ITEM })
      .stringList('Audiences', { maxItems: 1, item: URI_ITEM })
      .stringList('Resources', { maxItems: 1, item: URI_ITEM })
      .oneOf('RequestedTokenType', ['ACCESS_TOKEN', 'ID_TOKEN'])
      .check();
    const auth = await this.clients.forAuth(req.ClientId, meta?.region);
    if (auth.secret) {
      const given = req.ClientSecret;
      if (!given)
        throw CognitoErrors.notAuthorized(
          `Client ${auth.client.id} is configured with secret but ClientSecret was not received`,
        );
      if (!isClientSecret(auth, given))
        throw CognitoErrors.notAuthorized(`Unable to verify the client secret for client ${auth.client.id}`);
    } else if (req.ClientSecret !== undefined) {
      throw CognitoErrors.notAuthorized(`Unable to verify the client secret for client ${auth.client.id}`);
    }
    let issued: ExchangedToken;
    try {
      issued = await this.exchange.exchange(auth, {
        subjectToken: req.SubjectToken,
        subjectTokenType: req.SubjectTokenType,
        ...(req.SubjectTokenProviderName !== undefined
          ? { subjectTokenProviderName: req.SubjectTokenProviderName }
          : {}),
        ...(req.ActorToken !== undefined ? { actorToken: req.ActorToken } : {}),
        ...(req.ActorTokenType !== undefined ? { actorTokenType: req.ActorTokenType } : {}),
        ...(req.ActorTokenProviderName !== undefined
          ? { actorTokenProviderName: req.ActorTokenProviderName }
          : {}),
        ...(req.Scopes !== undefined ? { scopes: req.Scopes } : {}),
        ...(req.Audiences !== undefined ? { audiences: req.Audiences } : {}),
        ...(req.Resources !== undefined ? { resources: req.Resources } : {}),
        ...(req.RequestedTokenType !== undefined ? { requestedTokenType: req.RequestedTokenType } : {}),
      });
    } catch (err) {
      throw err instanceof ExchangeRefusal ? err.api : err;
    }
    return {
      IssuedToken: issued.token,
      IssuedTokenType: issued.type,
      // RFC 8693 2.2.1: N_A for a token that is not an access token (the model lists both).
      TokenType: issued.type === 'ACCESS_TOKEN' ? 'Bearer' : 'N_A',
      ExpiresIn: issued.expiresIn,
      ...(issued.scopes ? { Scopes: issued.scopes } : {}),
    };
  }
}
