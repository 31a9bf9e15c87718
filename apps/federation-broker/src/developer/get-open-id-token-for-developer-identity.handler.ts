import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  FederationBrokerOperations,
  GetOpenIdTokenForDeveloperIdentityRequest,
  GetOpenIdTokenResponse,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { BrokerErrors } from '../common/broker-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { IdentitiesRepository, Login } from '../identities/identities.repository';
import { IdentityLinks } from '../identities/identity-links';
import { LoginsVerifier } from '../logins/logins.verifier';
import { IdentityPoolLookup } from '../pools/identity-pool.lookup';
import { MAX_DEVELOPER_TOKEN_SECONDS, OpenIdTokenIssuer } from '../tokens/openid-token.issuer';
import { developerProviderOf } from './developer-provider';

@Injectable()
export class GetOpenIdTokenForDeveloperIdentityHandler implements OperationHandler<
  typeof FederationBrokerOperations.GetOpenIdTokenForDeveloperIdentity
> {
  constructor(
    @Inject(IdentitiesRepository) private readonly identities: IdentitiesRepository,
    @Inject(IdentityPoolLookup) private readonly pools: IdentityPoolLookup,
    @Inject(IdentityLinks) private readonly links: IdentityLinks,
    @Inject(LoginsVerifier) private readonly verifier: LoginsVerifier,
    @Inject(OpenIdTokenIssuer) private readonly tokens: OpenIdTokenIssuer,
  ) {}

  async execute(
    req: GetOpenIdTokenForDeveloperIdentityRequest,
    meta: CommandMeta,
  ): Promise<GetOpenIdTokenResponse> {
    RequestValidator.of(req)
      .string('IdentityPoolId', { required: true, min: 1, max: 55, pattern: Patterns.identityPoolId })
      .string('IdentityId', { min: 1, max: 55, pattern: Patterns.identityId })
      .stringMap('Logins', { required: true, maxEntries: 10 })
      .stringMap('PrincipalTags', { maxEntries: 50 })
      .integer('TokenDuration', { min: 1, max: MAX_DEVELOPER_TOKEN_SECONDS })
      .check();
    const pool = await this.pools.require(req.IdentityPoolId);
    const developer = developerProviderOf(pool);
    const { [developer]: userIdentifier, ...others } = req.Logins;
    if (!userIdentifier)
      throw BrokerErrors.invalidParameter(`Logins must name the developer provider ${developer}.`);
    RequestValidator.of({ DeveloperUserIdentifier: userIdentifier })
      .string('DeveloperUserIdentifier', { min: 1, max: 1024, pattern: Patterns.developerUserIdentifier })
      .check();
    const verified = await this.verifier.verifyAll(pool, others, meta);
    const logins: Login[] = [{ provider: developer, subject: userIdentifier }, ...verified];
    if (req.IdentityId) {
      const identity = await this.identities.find(req.IdentityId);
      if (!identity || identity.poolId !== pool.id) throw BrokerErrors.identityNotFound(req.IdentityId);
      const existing = await this.identities.findLogin(pool.id, {
        provider: developer,
        subject: userIdentifier,
      });
      if (existing && existing.identityId !== req.IdentityId)
        throw BrokerErrors.developerUserAlreadyRegistered();
    }
    const identityId = await this.links.resolve(pool.id, logins, req.IdentityId, meta.requestId);
    const token = await this.tokens.issue({
      identityPoolId: pool.id,
      identityId,
      amr: [
        'authenticated',
        developer,
        `${developer}:${pool.id}:${userIdentifier}`,
        ...verified.flatMap((l) => l.amr),
      ],
      principalTags: req.PrincipalTags,
      lifetimeSeconds: req.TokenDuration,
    });
    return { IdentityId: identityId, Token: token };
  }
}
