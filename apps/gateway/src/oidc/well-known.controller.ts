import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AwsError } from '@idfed/aws-protocol';
import { FederationBrokerOperations, JwksResult, UserDirectoryOperations } from '@idfed/contracts';
import { BusClient, CommandFailedError } from '@idfed/messaging';
import { GATEWAY_OPTIONS, GatewayOptions } from '../gateway.options';
import { requestIdOf } from '../http/request-context.middleware';

// Keys rotate rarely and verifiers refetch on an unknown kid; five minutes keeps a rotation visible soon.
const CACHE_CONTROL = 'public, max-age=300';
const POOL_ID = /^[\w-]+_[0-9a-zA-Z]+$/;
/** The federation broker's OpenID token issuer is `<public-url>/identity`. */
const IDENTITY_ISSUER = 'identity';

/**
 * A pool's OpenID discovery document and key set, at the paths Cognito uses
 * (`<issuer>/.well-known/...` with issuer `<public-url>/<userPoolId>`), so aws-jwt-verify and
 * any OIDC client find them from the `iss` claim alone. The identity-pool issuer of the federation
 * broker (`<public-url>/identity`) publishes its keys the same way.
 */
@Controller(':userPoolId/.well-known')
export class WellKnownController {
  constructor(
    @Inject(BusClient) private readonly bus: BusClient,
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions,
  ) {}

  @Get('jwks.json')
  async jwks(@Param('userPoolId') userPoolId: string, @Res() res: Response): Promise<void> {
    const jwks = await this.fetchJwks(userPoolId, requestIdOf(res));
    res.status(200).setHeader('cache-control', CACHE_CONTROL).json(jwks);
  }

  /**
   * The discovery document, with the pool's OAuth endpoints at their path form under the issuer
   * (they work without DNS; the pool's domain serves the same at its root). The pool is looked up
   * first so an unknown pool is a 404, not a plausible document.
   */
  @Get('openid-configuration')
  async discovery(@Param('userPoolId') userPoolId: string, @Res() res: Response): Promise<void> {
    await this.fetchJwks(userPoolId, requestIdOf(res));
    const issuer = `${this.options.env.publicUrl}/${userPoolId}`;
    res
      .status(200)
      .setHeader('cache-control', CACHE_CONTROL)
      .json(
        userPoolId === IDENTITY_ISSUER
          ? {
              issuer,
              jwks_uri: `${issuer}/.well-known/jwks.json`,
              subject_types_supported: ['public'],
              id_token_signing_alg_values_supported: ['RS256'],
            }
          : {
              issuer,
              authorization_endpoint: `${issuer}/oauth2/authorize`,
              token_endpoint: `${issuer}/oauth2/token`,
              userinfo_endpoint: `${issuer}/oauth2/userInfo`,
              revocation_endpoint: `${issuer}/oauth2/revoke`,
              end_session_endpoint: `${issuer}/logout`,
              jwks_uri: `${issuer}/.well-known/jwks.json`,
              scopes_supported: ['openid', 'email', 'phone', 'profile', 'aws.cognito.signin.user.admin'],
              response_types_supported: ['code', 'token'],
              grant_types_supported: ['authorization_code', 'implicit', 'refresh_token'],
              code_challenge_methods_supported: ['S256', 'plain'],
              token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
              revocation_endpoint_auth_methods_supported: [
                'client_secret_basic',
                'client_secret_post',
                'none',
              ],
              subject_types_supported: ['public'],
              id_token_signing_alg_values_supported: ['RS256'],
              claims_supported: [
                'sub',
                'iss',
                'aud',
                'exp',
                'iat',
                'auth_time',
                'nonce',
                'email',
                'email_verified',
                'phone_number',
                'phone_number_verified',
                'name',
                'cognito:username',
                'cognito:groups',
              ],
            },
      );
  }

  private async fetchJwks(userPoolId: string, requestId: string): Promise<JwksResult> {
    if (userPoolId === IDENTITY_ISSUER) {
      return this.bus.request(
        FederationBrokerOperations.GetIssuerJwks,
        {},
        { requestId, caller: { kind: 'anonymous' } },
      );
    }
    // A string that cannot be a pool id never reaches the bus.
    if (!POOL_ID.test(userPoolId)) throw poolNotFound(userPoolId);
    try {
      return await this.bus.request(
        UserDirectoryOperations.GetJwks,
        { UserPoolId: userPoolId },
        { requestId, caller: { kind: 'anonymous' } },
      );
    } catch (err) {
      if (err instanceof CommandFailedError && err.error.name === 'ResourceNotFoundException') {
        throw new AwsError('ResourceNotFoundException', err.error.message, 404);
      }
      throw err;
    }
  }
}

function poolNotFound(userPoolId: string): AwsError {
  return new AwsError(
    'ResourceNotFoundException',
    `User pool ${userPoolId.slice(0, 64)} does not exist.`,
    404,
  );
}
