import { Inject, Injectable } from '@nestjs/common';
import { OAuthHttpAnswer, OAuthUserInfoRequest, UserDirectoryOperations } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { OperationHandler } from '@idfed/service-runtime';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
import { readableAttributes } from '../clients/attribute-permissions';
import { ClientsService } from '../clients/clients.service';
import { TokenIssuer } from '../tokens/token-issuer';
import { userInfoAttributes } from './user-info-scopes';

const invalidToken = (description: string): OAuthHttpAnswer => ({
  status: 401,
  body: { error: 'invalid_token', error_description: description },
  wwwAuthenticate: `Bearer error="invalid_token", error_description="${description}"`,
});

/**
 * GET/POST /oauth2/userInfo: the user's attributes for an access token of this pool that was
 * granted the `openid` scope (Cognito's rule), with every check GetUser makes (signature, expiry,
 * sign-out, revocation, disabled user), answering only what the token's app client may read
 * (`ReadAttributes`, as GetUser; Cognito's "all user attributes the app client can read"), narrowed
 * by the token's `profile` / `email` / `phone` scopes as Cognito documents (user-info-scopes.ts).
 */
@Injectable()
export class OAuthUserInfoUseCase implements OperationHandler<typeof UserDirectoryOperations.OAuthUserInfo> {
  constructor(
    @Inject(AccessTokenVerifier) private readonly verifier: AccessTokenVerifier,
    @Inject(TokenIssuer) private readonly issuer: TokenIssuer,
    @Inject(ClientsService) private readonly clients: ClientsService,
  ) {}

  async execute(req: OAuthUserInfoRequest): Promise<OAuthHttpAnswer> {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(req.Authorization ?? '');
    if (!m) return invalidToken('Access token is missing.');
    let verified: Awaited<ReturnType<AccessTokenVerifier['verify']>>;
    try {
      verified = await this.verifier.verify(m[1], null);
    } catch (err) {
      if (err instanceof ServiceError) return invalidToken('Access token is not valid.');
      throw err;
    }
    const { user, claims } = verified;
    if (claims.iss !== this.issuer.issuerOf(req.UserPoolId))
      return invalidToken('Access token is not valid.');
    const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
    if (!scopes.includes('openid')) {
      return {
        status: 403,
        body: { error: 'insufficient_scope', error_description: 'The access token lacks the openid scope.' },
        wwwAuthenticate: 'Bearer error="insufficient_scope"',
      };
    }
    const client = await this.clients.forAuth(String(claims.client_id)).catch(() => undefined);
    const readable = readableAttributes(client?.client.config, user.attributes);
    const answered = userInfoAttributes(readable, scopes);
    return { status: 200, body: { ...answered, sub: user.sub, username: user.username } };
  }
}
