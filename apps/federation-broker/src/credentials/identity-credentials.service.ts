import {
  CommandMeta,
  CredentialVendingCommands,
  GetCredentialsForIdentityRequest,
  GetCredentialsForIdentityResponse,
  GetOpenIdTokenRequest,
  GetOpenIdTokenResponse,
} from '@idfed/contracts';
import { BusClient, CommandFailedError } from '@idfed/messaging';
import { BrokerErrors } from '../common/broker-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { AuthenticatedIdentity, IdentitiesService } from '../identities/identities.service';
import { resolveAuthenticatedRole } from '../roles/role-resolver';
import { OpenIdTokenIssuer } from '../tokens/openid-token.issuer';
import { GUEST_SESSION_POLICY } from './guest-session.policy';

const INVALID_ROLES = 'Invalid identity pool configuration. Check assigned IAM roles for this pool.';

/**
 * GetOpenIdToken (the classic flow's first step) and GetCredentialsForIdentity (the enhanced
 * flow): the broker signs its own OpenID token for the identity and trades it with credential
 * vending for the resolved role's credentials, exactly as AWS's enhanced flow calls STS.
 */
export class IdentityCredentialsService {
  constructor(
    private readonly identities: IdentitiesService,
    private readonly tokens: OpenIdTokenIssuer,
    private readonly bus: BusClient,
  ) {}

  async openIdToken(req: GetOpenIdTokenRequest, meta: CommandMeta): Promise<GetOpenIdTokenResponse> {
    const who = await this.identities.authenticate(req?.IdentityId, req?.Logins, meta);
    if (!who.pool.config.allowClassicFlow) {
      throw BrokerErrors.invalidParameter(
        'Basic (classic) flow is not enabled for this identity pool (AllowClassicFlow).',
      );
    }
    return { IdentityId: who.identityId, Token: await this.tokens.issue(this.subjectOf(who)) };
  }

  async credentials(
    req: GetCredentialsForIdentityRequest,
    meta: CommandMeta,
  ): Promise<GetCredentialsForIdentityResponse> {
    RequestValidator.of(req ?? {})
      .string('CustomRoleArn', { min: 20, max: 2048, pattern: Patterns.roleArn })
      .check();
    const who = await this.identities.authenticate(req.IdentityId, req.Logins, meta);
    const roleArn = this.roleFor(who, req.CustomRoleArn);
    const token = await this.tokens.issue(this.subjectOf(who));
    try {
      const result = await this.bus.request(
        CredentialVendingCommands.assumeRoleWithWebIdentity,
        {
          RoleArn: roleArn,
          RoleSessionName: 'CognitoIdentityCredentials',
          WebIdentityToken: token,
          DurationSeconds: 3600,
          ...(who.logins.length === 0 ? { Policy: GUEST_SESSION_POLICY } : {}),
        },
        meta,
      );
      const c = result.Credentials;
      return {
        IdentityId: who.identityId,
        Credentials: {
          AccessKeyId: c.AccessKeyId,
          SecretKey: c.SecretAccessKey,
          SessionToken: c.SessionToken,
          Expiration: Math.floor(new Date(c.Expiration).getTime() / 1000),
        },
      };
    } catch (err) {
      if (!(err instanceof CommandFailedError)) throw err;
      // The role does not exist or does not trust this pool: Cognito reports the pool's configuration.
      if (
        ['AccessDenied', 'NoSuchEntity', 'InvalidIdentityToken', 'ValidationError'].includes(err.error.name)
      ) {
        throw BrokerErrors.invalidConfiguration(`${INVALID_ROLES} (${err.error.message})`);
      }
      throw err;
    }
  }

  private roleFor(who: AuthenticatedIdentity, customRoleArn: string | undefined): string {
    const { pool } = who;
    if (who.logins.length === 0) {
      if (customRoleArn)
        throw BrokerErrors.notAuthorized('CustomRoleArn requires an authenticated identity.');
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

  private subjectOf(who: AuthenticatedIdentity) {
    return {
      identityPoolId: who.pool.id,
      identityId: who.identityId,
      amr: who.logins.length ? ['authenticated', ...who.logins.flatMap((l) => l.amr)] : ['unauthenticated'],
    };
  }
}
