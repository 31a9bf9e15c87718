import { ClientForAuth } from '../clients/clients.service';

/**
 * Whether an app client's hosted pages take the pool's own passwords: its
 * SupportedIdentityProviders lists COGNITO, or lists nothing (a client made before it had OAuth
 * settings). A client that federates only must not be signed in to, or signed up on, by password,
 * whatever a forged form posts.
 */
export function takesPoolPasswords(auth: ClientForAuth): boolean {
  const supported = auth.client.config.supportedIdentityProviders ?? [];
  return supported.length === 0 || supported.includes('COGNITO');
}

/** The answer to a password form posted for a client that does not take the pool's passwords. */
export function poolPasswordsRefused(auth: ClientForAuth) {
  return {
    kind: 'login-failed' as const,
    message: 'This app signs users in through their identity provider, not with a password.',
    clientName: auth.client.name,
  };
}
