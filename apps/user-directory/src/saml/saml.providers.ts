import { Provider } from '@nestjs/common';
import { SamlRepository } from './saml.repository';

/** Sign-in through SAML providers (ADR 0025). */
export const samlProviders: Provider[] = [SamlRepository];
