import { Provider } from '@nestjs/common';
import { SamlKeyStore } from './saml-key-store';
import { SamlRepository } from './saml.repository';

/** Sign-in through SAML providers (ADR 0025) and the pool's SAML keys (ADR 0059). */
export const samlProviders: Provider[] = [SamlRepository, SamlKeyStore];
