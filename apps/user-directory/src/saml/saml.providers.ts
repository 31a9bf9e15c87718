import { Provider } from '@nestjs/common';
import { SamlKeyStore } from './saml-key-store';
import { SamlSingleLogout } from './saml-logout.use-case';
import { SamlRepository } from './saml.repository';

/** Sign-in through SAML providers (ADR 0025), the pool's SAML keys (ADR 0059), single logout (ADR 0069). */
export const samlProviders: Provider[] = [SamlRepository, SamlKeyStore, SamlSingleLogout];
