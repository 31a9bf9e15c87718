import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  GetClientTokenRequest,
  GetClientTokenResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { clientMetadataOf } from '../auth/flows/auth-parameters';
import { ClientsService, isClientSecret } from '../clients/clients.service';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, Patterns, RequestValidator } from '../common/validate';
import { ClientCredentialsGrant } from './client-credentials-grant';

/**
 * GetClientToken (ADR 0081): the machine-to-machine access token of the token endpoint's
 * `client_credentials` grant (ClientCredentialsGrant, one code), for a client proving itself with
 * `Secret`, either of its secrets. A public client, or a wrong secret, is refused before anything
 * about the client's settings is said. The client must be allowed the `client_credentials` OAuth
 * flow: Cognito asks for `ALLOW_CLIENT_TOKEN_AUTH` instead, which botocore's ExplicitAuthFlowsType
 * does not list, so no client can be given it (docs/status.md).
 */
@Injectable()
export class GetClientTokenUseCase implements OperationHandler<
  typeof UserDirectoryOperations.GetClientToken
> {
  constructor(
    @Inject(ClientsService) private readonly clients: ClientsService,
    @Inject(ClientCredentialsGrant) private readonly m2m: ClientCredentialsGrant,
  ) {}

  async execute(req: GetClientTokenRequest, meta?: CommandMeta): Promise<GetClientTokenResponse> {
    RequestValidator.of(req)
      .string('ClientId', Members.clientId)
      .string('Secret', { required: true, min: 24, max: 64, pattern: Patterns.clientSecret, secret: true })
      .stringList('Scopes', {
        maxItems: 50,
        item: { min: 1, max: 256, pattern: /^[\x21\x23-\x5B\x5D-\x7E]+$/ },
      })
      .check();
    const clientMetadata = clientMetadataOf(req.ClientMetadata);
    const auth = await this.clients.forAuth(req.ClientId, meta?.region);
    // Every accepted secret is compared, so no answer says which matched; a public client has none.
    const given = req.Secret;
    if (!isClientSecret(auth, given))
      throw CognitoErrors.notAuthorized(`Unable to verify the client secret for client ${auth.client.id}`);
    const token = await this.m2m.issue(auth, req.Scopes ?? [], clientMetadata);
    if (token === 'unauthorized_client')
      throw CognitoErrors.invalidParameter('Client credentials are not enabled for this client.');
    if (token === 'invalid_scope') throw CognitoErrors.invalidParameter('Invalid scope requested.');
    return {
      ClientAuthenticationResult: {
        AccessToken: token.accessToken,
        ExpiresIn: token.expiresIn,
        TokenType: 'Bearer',
      },
    };
  }
}
