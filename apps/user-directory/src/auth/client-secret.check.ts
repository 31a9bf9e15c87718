import { CognitoErrors } from '../common/cognito-errors';
import { ClientForAuth } from '../clients/clients.service';
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
  const ok = usernames.some((u) => secretHashMatches(secretHash(auth.secret!, u, auth.client.id), provided));
  if (!ok) throw CognitoErrors.notAuthorized(`Unable to verify secret hash for client ${auth.client.id}`);
}
