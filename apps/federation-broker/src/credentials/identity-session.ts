import { BrokerErrors } from '../common/broker-errors';
import { AuthenticatedIdentity } from '../identities/identity-authenticator';
import { resolveAuthenticatedRole } from '../roles/role-resolver';
import { OpenIdTokenSubject } from '../tokens/openid-token.issuer';

export const INVALID_ROLES = 'Invalid identity pool configuration. Check assigned IAM roles for this pool.';

/** The role an identity's credentials are for: the guest role, or the authenticated role its logins map to. */
export function roleFor(who: AuthenticatedIdentity, customRoleArn: string | undefined): string {
  const { pool } = who;
  if (who.logins.length === 0) {
    if (customRoleArn) throw BrokerErrors.notAuthorized('CustomRoleArn requires an authenticated identity.');
    const role = pool.roles.unauthenticated;
    if (!role) throw BrokerErrors.invalidConfiguration(INVALID_ROLES);
    return role;
  }
  const mapped = who.logins.find((l) => pool.roleMappings[l.mappingKey]) ?? who.logins[0];
  const resolution = resolveAuthenticatedRole(
    pool.roles.authenticated,
    pool.roleMappings[mapped.mappingKey],
    mapped.claims,
    customRoleArn,
  );
  if (resolution.kind === 'role') return resolution.roleArn;
  if (resolution.kind === 'denied')
    throw BrokerErrors.notAuthorized(`No role for this identity: ${resolution.reason}.`);
  throw BrokerErrors.invalidConfiguration(INVALID_ROLES);
}

/** What the broker's OpenID token says about the identity: who, in which pool, how it signed in. */
export function tokenSubjectOf(who: AuthenticatedIdentity): OpenIdTokenSubject {
  return {
    identityPoolId: who.pool.id,
    identityId: who.identityId,
    amr: who.logins.length ? ['authenticated', ...who.logins.flatMap((l) => l.amr)] : ['unauthenticated'],
  };
}
