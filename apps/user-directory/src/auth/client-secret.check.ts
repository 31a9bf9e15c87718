import { CognitoErrors } from '../common/cognito-errors';
import { acceptedSecrets, ClientForAuth } from '../clients/clients.service';
import { secretHash, secretHashMatches } from './secret-hash';

/**
 * A client with a secret must prove it on every public call with SECRET_HASH computed over one of
 * the names the user goes by (the username as typed, or the stored username / sub for refresh).
 */
export function checkSecretHash(
  auth: ClientForAuth,
  provided: string | undefined,
  usernames: string[],
): void {
  if (!auth.secret) return;
  if (!provided) {
    throw CognitoErrors.notAuthorized(
      `Client ${auth.client.id} is configured with secret but SECRET_HASH was not received`,
    );
  }
  // During a rotation a hash under either secret is accepted (ADR 0074).
  const ok = acceptedSecrets(auth).some((secret) =>
    usernames.some((u) => secretHashMatches(secretHash(secret, u, auth.client.id), provided)),
  );
  if (!ok) throw CognitoErrors.notAuthorized(`Unable to verify secret hash for client ${auth.client.id}`);
}
