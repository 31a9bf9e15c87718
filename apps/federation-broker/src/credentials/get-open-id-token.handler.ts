import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  FederationBrokerOperations,
  GetOpenIdTokenRequest,
  GetOpenIdTokenResponse,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { BrokerErrors } from '../common/broker-errors';
import { IdentityAuthenticator } from '../identities/identity-authenticator';
import { OpenIdTokenIssuer } from '../tokens/openid-token.issuer';
import { tokenSubjectOf } from './identity-session';

/** The classic flow's first step: the broker's OpenID token for the identity. */
@Injectable()
export class GetOpenIdTokenHandler implements OperationHandler<
  typeof FederationBrokerOperations.GetOpenIdToken
> {
  constructor(
    @Inject(IdentityAuthenticator) private readonly identities: IdentityAuthenticator,
    @Inject(OpenIdTokenIssuer) private readonly tokens: OpenIdTokenIssuer,
  ) {}

  async execute(req: GetOpenIdTokenRequest, meta: CommandMeta): Promise<GetOpenIdTokenResponse> {
    const who = await this.identities.authenticate(req?.IdentityId, req?.Logins, meta);
    if (!who.pool.config.allowClassicFlow) {
      throw BrokerErrors.invalidParameter(
        'Basic (classic) flow is not enabled for this identity pool (AllowClassicFlow).',
      );
    }
    return { IdentityId: who.identityId, Token: await this.tokens.issue(tokenSubjectOf(who)) };
  }
}
