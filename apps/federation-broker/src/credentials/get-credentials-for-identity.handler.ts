import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  CredentialVendingOperations,
  FederationBrokerOperations,
  GetCredentialsForIdentityRequest,
  GetCredentialsForIdentityResponse,
} from '@idfed/contracts';
import { BusClient, CommandFailedError } from '@idfed/messaging';
import { OperationHandler } from '@idfed/service-runtime';
import { BrokerErrors } from '../common/broker-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { IdentityAuthenticator } from '../identities/identity-authenticator';
import { OpenIdTokenIssuer } from '../tokens/openid-token.issuer';
import { GUEST_SESSION_POLICY } from './guest-session.policy';
import { principalTagsOf } from '../pools/principal-tag-maps';
import { INVALID_ROLES, roleFor, tokenSubjectOf } from './identity-session';

/**
 * The enhanced flow: the broker signs its own OpenID token for the identity and trades it with
 * credential vending for the resolved role's credentials, exactly as AWS's enhanced flow calls STS.
 */
@Injectable()
export class GetCredentialsForIdentityHandler implements OperationHandler<
  typeof FederationBrokerOperations.GetCredentialsForIdentity
> {
  constructor(
    @Inject(IdentityAuthenticator) private readonly identities: IdentityAuthenticator,
    @Inject(OpenIdTokenIssuer) private readonly tokens: OpenIdTokenIssuer,
    @Inject(BusClient) private readonly bus: BusClient,
  ) {}

  async execute(
    req: GetCredentialsForIdentityRequest,
    meta: CommandMeta,
  ): Promise<GetCredentialsForIdentityResponse> {
    RequestValidator.of(req ?? {})
      .string('CustomRoleArn', { min: 20, max: 2048, pattern: Patterns.roleArn })
      .check();
    const who = await this.identities.authenticate(req.IdentityId, req.Logins, meta);
    const roleArn = roleFor(who, req.CustomRoleArn);
    // The pool's principal tag maps turn login claims into session tags (ADR 0041).
    const principalTags = principalTagsOf(who.pool.principalTagMaps, who.logins);
    const token = await this.tokens.issue({ ...tokenSubjectOf(who), principalTags });
    try {
      const result = await this.bus.request(
        CredentialVendingOperations.AssumeRoleWithWebIdentity,
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
}
