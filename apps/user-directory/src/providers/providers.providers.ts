import { Provider } from '@nestjs/common';
import { IdentityProviderViews } from './identity-provider-views';
import { IdentityProvidersRepository } from './identity-providers.repository';
import { ProviderDocuments } from './provider-documents';

/** The helpers the identity provider operations inject (their use cases come from the registry). */
export const identityProviderProviders: Provider[] = [
  IdentityProvidersRepository,
  IdentityProviderViews,
  ProviderDocuments,
];
