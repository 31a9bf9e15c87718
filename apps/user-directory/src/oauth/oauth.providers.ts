import { Provider } from '@nestjs/common';
import { PoolOAuthNamesReader } from '../clients/pool-oauth-names';
import { AuthorizationCodesRepository } from './authorization-codes.repository';
import { AuthorizeRequests } from './authorize-request';
import { OAuthClientAuthentication } from './client-authentication';
import { HostedSessionsRepository } from './hosted-sessions.repository';
import { HostedSignIn } from './hosted-sign-in';
import { OAuthGrants } from './oauth-grants';

/** The helpers the OAuth endpoints' use cases share (ADR 0018). */
export const oauthProviders: Provider[] = [
  AuthorizationCodesRepository,
  HostedSessionsRepository,
  AuthorizeRequests,
  OAuthClientAuthentication,
  OAuthGrants,
  HostedSignIn,
  PoolOAuthNamesReader,
];
