import { Provider } from '@nestjs/common';
import { PoolOAuthNamesReader } from '../clients/pool-oauth-names';
import { AuthorizationCodesRepository } from './authorization-codes.repository';
import { AuthorizeRequests } from './authorize-request';
import { OAuthClientAuthentication } from './client-authentication';
import { ClientCredentialsGrant } from './client-credentials-grant';
import { HostedSessionsRepository } from './hosted-sessions.repository';
import { HostedSignIn } from './hosted-sign-in';
import { OAuthGrants } from './oauth-grants';
import { TokenExchange } from './token-exchange';

/** The helpers the OAuth endpoints' use cases share (ADR 0018). */
export const oauthProviders: Provider[] = [
  AuthorizationCodesRepository,
  HostedSessionsRepository,
  AuthorizeRequests,
  OAuthClientAuthentication,
  // The client_credentials grant's token, GetClientToken's too (ADR 0081).
  ClientCredentialsGrant,
  // GetDerivedToken's exchange (ADR 0088).
  TokenExchange,
  OAuthGrants,
  HostedSignIn,
  PoolOAuthNamesReader,
];
