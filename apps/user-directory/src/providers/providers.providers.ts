import { Provider } from '@nestjs/common';
import { IdentityProviderViews } from './identity-provider-views';
import { IdentityProvidersRepository } from './identity-providers.repository';
import { ProviderDocuments } from './provider-documents';
import { ResourceServersRepository } from '../resource-servers/resource-servers.repository';
import { UiCustomizationsRepository } from '../ui-customization/ui-customizations.repository';

/**
 * The helpers the federation configuration operations inject (identity providers, resource
 * servers); their use cases come from the registry.
 */
export const identityProviderProviders: Provider[] = [
  IdentityProvidersRepository,
  IdentityProviderViews,
  ProviderDocuments,
  ResourceServersRepository,
  UiCustomizationsRepository,
];
