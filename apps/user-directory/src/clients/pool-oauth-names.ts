import { Inject, Injectable } from '@nestjs/common';
import { IdentityProvidersRepository } from '../providers/identity-providers.repository';
import { ResourceServersRepository } from '../resource-servers/resource-servers.repository';
import { needsPoolOAuthNames, PoolOAuthNames } from './oauth-client-settings';

/**
 * The pool's identity providers and custom scopes, for checking an app client's
 * SupportedIdentityProviders and AllowedOAuthScopes; read only when the request names one that is
 * not COGNITO or a standard scope.
 */
@Injectable()
export class PoolOAuthNamesReader {
  constructor(
    @Inject(IdentityProvidersRepository) private readonly providers: IdentityProvidersRepository,
    @Inject(ResourceServersRepository) private readonly resourceServers: ResourceServersRepository,
  ) {}

  async of(
    poolId: string,
    req: { AllowedOAuthScopes?: string[]; SupportedIdentityProviders?: string[] },
  ): Promise<PoolOAuthNames | undefined> {
    if (!needsPoolOAuthNames(req)) return undefined;
    const [providers, customScopes] = await Promise.all([
      this.providers.names(poolId),
      this.resourceServers.scopesOf(poolId),
    ]);
    return { providers, customScopes };
  }
}
