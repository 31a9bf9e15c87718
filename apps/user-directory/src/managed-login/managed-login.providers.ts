import { Provider } from '@nestjs/common';
import { ManagedLoginBrandingsRepository } from './managed-login-brandings.repository';
import { TermsRepository } from './terms.repository';

/** The repositories of managed login branding and terms (ADR 0082); the use cases come from the registry. */
export const managedLoginProviders: Provider[] = [ManagedLoginBrandingsRepository, TermsRepository];
