import { Provider } from '@nestjs/common';
import { FederatedIdentitiesRepository } from './federated-identities.repository';
import { FederatedUsers } from './federated-users';
import { FederationTriggers } from './federation-triggers';

/** The helpers of linking and federated sign-in (their use cases come from the registry). */
export const federationProviders: Provider[] = [
  FederatedIdentitiesRepository,
  FederatedUsers,
  FederationTriggers,
];
