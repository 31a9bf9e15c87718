import { Inject, Injectable } from '@nestjs/common';
import { OAuthFormRequest, OAuthHttpAnswer, UserDirectoryOperations } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { OperationHandler } from '@idfed/service-runtime';
import { RevokeTokenUseCase } from '../auth/revoke-token.use-case';
import { OAuthClientAuthentication } from './client-authentication';
import { oauthError } from './oauth-token.use-case';

/**
 * POST /oauth2/revoke: RevokeToken's semantics (the refresh token and its session's tokens end; an
 * unknown token is accepted silently) for a client authenticated as at the token endpoint.
 */
@Injectable()
export class OAuthRevokeUseCase implements OperationHandler<typeof UserDirectoryOperations.OAuthRevoke> {
  constructor(
    @Inject(OAuthClientAuthentication) private readonly clients: OAuthClientAuthentication,
    @Inject(RevokeTokenUseCase) private readonly revoke: RevokeTokenUseCase,
  ) {}

  async execute(req: OAuthFormRequest): Promise<OAuthHttpAnswer> {
    const form = req.Form ?? {};
    const auth = await this.clients.authenticate(req.UserPoolId, form, req.Authorization);
    if (!auth) return oauthError('invalid_client');
    if (!form.token) return oauthError('invalid_request', 'token is required.');
    try {
      await this.revoke.execute({
        Token: form.token,
        ClientId: auth.client.id,
        ...(auth.secret ? { ClientSecret: auth.secret } : {}),
      });
      return { status: 200, body: {} };
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      switch (err.errorName) {
        case 'UnsupportedTokenTypeException':
          return oauthError('unsupported_token_type');
        case 'UnauthorizedException':
          return oauthError('invalid_client');
        default:
          return oauthError('invalid_request');
      }
    }
  }
}
