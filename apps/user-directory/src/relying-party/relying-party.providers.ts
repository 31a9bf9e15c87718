import { Provider } from '@nestjs/common';
import { FederatedSignIn } from './federated-sign-in';
import { FederationStatesRepository } from './federation-states.repository';
import { FEDERATION_STRATEGIES, FederationStrategy } from './federation-strategy';
import { OAuth2ProvidersStrategy } from './oauth2.strategy';
import { OpenIdConnectStrategy } from './openid-connect.strategy';

/**
 * Sign-in through identity providers (ADR 0024): the flow and one strategy per kind of provider.
 * A new kind (SAML) adds its strategy to FEDERATION_STRATEGIES.
 */
export const relyingPartyProviders: Provider[] = [
  FederationStatesRepository,
  FederatedSignIn,
  OpenIdConnectStrategy,
  OAuth2ProvidersStrategy,
  {
    provide: FEDERATION_STRATEGIES,
    useFactory: (...strategies: FederationStrategy[]) => strategies,
    inject: [OpenIdConnectStrategy, OAuth2ProvidersStrategy],
  },
];
