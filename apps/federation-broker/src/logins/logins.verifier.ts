import { Inject, Injectable } from '@nestjs/common';
import { CommandMeta, WebIdentityOperations } from '@idfed/contracts';
import { decodeJwt, verifyRs256 } from '@idfed/crypto';
import { BusClient, CommandFailedError } from '@idfed/messaging';
import { FEDERATION_BROKER_CONFIG, FederationBrokerConfig } from '../config/federation-broker.config';
import { BrokerErrors } from '../common/broker-errors';
import { IdentityPoolEntity } from '../database/entities';
import { IssuerKeysService } from '../tokens/issuer-keys.service';
import { verifyAmazonLogin, verifyFacebookLogin } from './social-login.verifiers';
import { UserPoolLoginVerifier, UserPoolProvider } from './user-pool-login.verifier';
import { VerifiedLogin } from './verified-login';

const USER_POOL_ID = /^[\w-]+_[0-9a-zA-Z]+$/;
const MAX_TOKEN_CHARS = 50_000;

/** `cognito-idp.<region>.amazonaws.com/<poolId>` or `<idfed host/path>/<poolId>`: the pool id. */
function userPoolIdOf(providerName: string): string | undefined {
  const id = providerName.slice(providerName.lastIndexOf('/') + 1);
  return USER_POOL_ID.test(id) ? id : undefined;
}

/**
 * Verifies each entry of a Logins map against the identity pool's configured providers. Login keys
 * name the provider as Cognito does; for user pools both the AWS form and idfed's issuer form are
 * accepted and resolve to the provider as configured.
 */
@Injectable()
export class LoginsVerifier {
  constructor(
    @Inject(UserPoolLoginVerifier) private readonly userPools: UserPoolLoginVerifier,
    @Inject(BusClient) private readonly bus: BusClient,
    @Inject(IssuerKeysService) private readonly issuerKeys: IssuerKeysService,
    @Inject(FEDERATION_BROKER_CONFIG) private readonly config: FederationBrokerConfig,
  ) {}

  /**
   * The broker's own OpenID token (from GetOpenIdTokenForDeveloperIdentity), presented as
   * `cognito-identity.amazonaws.com`: valid for the identity it names, in its pool, until it expires.
   */
  async verifyBrokerToken(
    pool: IdentityPoolEntity,
    identityId: string,
    token: string,
  ): Promise<VerifiedLogin> {
    const jwt = token.length <= MAX_TOKEN_CHARS ? decodeJwt(token) : undefined;
    const key =
      jwt && typeof jwt.header.kid === 'string'
        ? await this.issuerKeys.verificationKey(jwt.header.kid)
        : undefined;
    if (!jwt || !key || !verifyRs256(jwt, key))
      throw BrokerErrors.invalidLogin("Couldn't verify signed token.");
    const { payload } = jwt;
    if (payload.iss !== this.config.issuer || payload.aud !== pool.id || payload.sub !== identityId) {
      throw BrokerErrors.invalidLogin('The token is for another identity or identity pool.');
    }
    if (typeof payload.exp !== 'number' || payload.exp <= Date.now() / 1000)
      throw BrokerErrors.invalidLogin('Token expired.');
    const amr = Array.isArray(payload.amr)
      ? payload.amr.map(String).filter((a) => a !== 'authenticated')
      : [];
    if (amr.length === 0) throw BrokerErrors.invalidLogin('The token is not from an authenticated identity.');
    return {
      provider: 'cognito-identity.amazonaws.com',
      subject: identityId,
      claims: payload,
      mappingKey: amr[0],
      amr,
      linkable: false,
    };
  }

  async verifyAll(
    pool: IdentityPoolEntity,
    logins: Record<string, string>,
    meta: CommandMeta,
  ): Promise<VerifiedLogin[]> {
    const entries = Object.entries(logins);
    if (entries.length > 10) throw BrokerErrors.invalidParameter('Logins may hold at most 10 entries.');
    const verified: VerifiedLogin[] = [];
    for (const [key, token] of entries) {
      if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_CHARS) {
        throw BrokerErrors.invalidParameter(`Invalid token for login ${key}.`);
      }
      verified.push(await this.verifyOne(pool, key, token, meta));
    }
    return verified;
  }

  private async verifyOne(
    pool: IdentityPoolEntity,
    key: string,
    token: string,
    meta: CommandMeta,
  ): Promise<VerifiedLogin> {
    const config = pool.config;
    const userPoolId = userPoolIdOf(key);
    if (userPoolId) {
      const matching = config.cognitoIdentityProviders.filter(
        (p) => userPoolIdOf(p.ProviderName) === userPoolId,
      );
      if (matching.length > 0) {
        const provider: UserPoolProvider = {
          providerName: matching[0].ProviderName,
          userPoolId,
          clientIds: matching.map((p) => p.ClientId),
          serverSideTokenCheck: matching.some((p) => p.ServerSideTokenCheck),
        };
        return this.userPools.verify(provider, token);
      }
    }
    const appId = config.supportedLoginProviders[key];
    if (key === 'graph.facebook.com' && appId) return verifyFacebookLogin(this.config.social, appId, token);
    if (key === 'www.amazon.com' && appId) return verifyAmazonLogin(this.config.social, appId, token);
    if (key === 'accounts.google.com' && appId) {
      return this.viaCredentialVending({ Token: token, WellKnownProvider: key, Audience: appId }, key, meta);
    }
    const arn = config.openIdConnectProviderArns.find(
      (a) => a.slice(a.indexOf('oidc-provider/') + 14) === key,
    );
    if (arn) return this.viaCredentialVending({ Token: token, ProviderArn: arn }, key, meta);
    if ((config.samlProviderArns ?? []).includes(key)) return this.samlLogin(pool, key, token, meta);
    throw BrokerErrors.notAuthorized(
      `Token is not from a supported provider of this identity pool: ${key.slice(0, 128)}`,
    );
  }

  /**
   * A SAML login: the key is the IAM SAML provider's ARN, the value the base64 SAML response.
   * Credential vending checks it as AssumeRoleWithSAML would and binds it to this pool. The
   * identity is the provider + NameID; the attributes are the claims for rules, and the roles the
   * Role attribute pairs with this provider are `cognito:roles` for a Token mapping.
   */
  private async samlLogin(
    pool: IdentityPoolEntity,
    providerArn: string,
    response: string,
    meta: CommandMeta,
  ): Promise<VerifiedLogin> {
    let result;
    try {
      result = await this.bus.request(
        WebIdentityOperations.VerifySamlLogin,
        { SAMLResponse: response, ProviderArn: providerArn, Consumer: `cognito-identity:${pool.id}` },
        meta,
      );
    } catch (err) {
      throw this.refusal(err);
    }
    const claims: Record<string, unknown> = {};
    for (const [name, values] of Object.entries(result.attributes)) {
      claims[name] = values.length === 1 ? values[0] : values;
    }
    claims.sub = result.subject;
    claims.iss = result.issuer;
    claims['cognito:roles'] = result.roles;
    return {
      provider: providerArn,
      subject: result.subject,
      claims,
      mappingKey: providerArn,
      amr: [providerArn, `${providerArn}:${result.subject}`],
    };
  }

  private refusal(err: unknown): Error {
    if (
      err instanceof CommandFailedError &&
      err.error.name !== 'ServiceUnavailable' &&
      err.error.name !== 'InternalErrorException'
    ) {
      return BrokerErrors.invalidLogin(err.error.message);
    }
    return BrokerErrors.externalService('The token could not be verified right now.');
  }

  /** OpenID Connect tokens are checked by credential vending, which holds the providers and key sets. */
  private async viaCredentialVending(
    request: { Token: string; ProviderArn?: string; Audience?: string; WellKnownProvider?: string },
    provider: string,
    meta: CommandMeta,
  ): Promise<VerifiedLogin> {
    try {
      const result = await this.bus.request(WebIdentityOperations.VerifyWebIdentityToken, request, meta);
      return {
        provider,
        subject: result.subject,
        claims: result.claims,
        mappingKey: provider,
        amr: [provider, `${provider}:${result.subject}`],
      };
    } catch (err) {
      if (
        err instanceof CommandFailedError &&
        err.error.name !== 'ServiceUnavailable' &&
        err.error.name !== 'InternalErrorException'
      ) {
        throw BrokerErrors.invalidLogin(err.error.message);
      }
      throw BrokerErrors.externalService('The token could not be verified right now.');
    }
  }
}
