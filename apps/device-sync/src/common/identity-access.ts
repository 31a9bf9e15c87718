import { CommandMeta } from '@idfed/contracts';
import { SyncErrors } from './sync-errors';

/**
 * The service's own check of whose data a request may touch, after the gateway's (which also
 * evaluated the role's policy): the admin key any identity's, temporary credentials only the
 * Cognito identity they were issued for. A command that reached the bus any other way is refused.
 */
export function assertMayActOn(meta: CommandMeta, identityPoolId: string, identityId: string): void {
  const caller = meta.caller;
  if (caller.kind === 'admin') return;
  const own = caller.kind === 'temporary' ? caller.session?.cognitoIdentity : undefined;
  if (own && own.identityPoolId === identityPoolId && own.identityId === identityId) return;
  throw SyncErrors.notAuthorized(`Access to identity ${identityId} is not allowed with these credentials.`);
}

/** Who a change is recorded as made by: the device when it says, else the identity itself. */
export function changedBy(identityId: string, deviceId: string | undefined): string {
  return deviceId ?? identityId;
}
