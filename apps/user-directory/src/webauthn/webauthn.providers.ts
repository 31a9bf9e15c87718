import { Provider } from '@nestjs/common';
import { Passkeys } from './passkeys';
import { WebAuthnCredentialsRepository } from './webauthn-credentials.repository';

/** The passkeys' repository and helper (ADR 0034). */
export const webAuthnProviders: Provider[] = [WebAuthnCredentialsRepository, Passkeys];
