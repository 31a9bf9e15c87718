import { Inject, Injectable } from '@nestjs/common';
import { lifetimesInSeconds } from '../clients/client-config';
import { ClientForAuth } from '../clients/clients.service';
import { ResourceServersRepository } from '../resource-servers/resource-servers.repository';
import { TokenIssuer } from '../tokens/token-issuer';
import { UserPoolTriggers } from '../triggers/user-pool-triggers';

/** A machine-to-machine access token: no user, no ID or refresh token. */
export interface ClientToken {
  accessToken: string;
  expiresIn: number;
}

/** Why no token: the client may not use the grant, or asked for a scope it may not have. */
export type ClientTokenRefusal = 'unauthorized_client' | 'invalid_scope';

/**
 * The machine-to-machine access token of the token endpoint's `client_credentials` grant and of
 * GetClientToken (ADR 0081), one code for both: a confidential client allowed the
 * `client_credentials` OAuth flow gets the custom scopes it asks for among those it was given
 * (all of them when it asks for none), of resource servers that still exist. A pool whose pre
 * token generation trigger is V3_0 has it called (TokenGeneration_ClientCredentials) with the
 * request's client metadata. The caller has authenticated the client by its secret.
 */
@Injectable()
export class ClientCredentialsGrant {
  constructor(
    @Inject(ResourceServersRepository) private readonly resourceServers: ResourceServersRepository,
    @Inject(TokenIssuer) private readonly issuer: TokenIssuer,
    @Inject(UserPoolTriggers) private readonly triggers: UserPoolTriggers,
  ) {}

  async issue(
    auth: ClientForAuth,
    asked: readonly string[],
    clientMetadata?: Record<string, string>,
  ): Promise<ClientToken | ClientTokenRefusal> {
    const config = auth.client.config;
    if (
      !auth.secret ||
      !config.allowedOAuthFlowsUserPoolClient ||
      !(config.allowedOAuthFlows ?? []).includes('client_credentials')
    )
      return 'unauthorized_client';
    const allowed = config.allowedOAuthScopes ?? [];
    if (asked.length > 100 || asked.some((s) => !allowed.includes(s))) return 'invalid_scope';
    // A scope whose resource server was deleted (or changed) since the client was set up is gone.
    const existing = await this.resourceServers.scopesOf(auth.client.poolId);
    const scopes = asked.length ? [...new Set(asked)] : allowed.filter((s) => existing.includes(s));
    if (scopes.length === 0 || scopes.some((s) => !existing.includes(s))) return 'invalid_scope';
    const overrides = await this.triggers.preTokenGenerationForClient(
      auth.pool,
      auth.client.id,
      scopes,
      clientMetadata,
    );
    const ttl = lifetimesInSeconds(config).access;
    const accessToken = await this.issuer.issueClientAccess(
      auth.client.poolId,
      auth.client.id,
      scopes,
      ttl,
      overrides,
    );
    return { accessToken, expiresIn: ttl };
  }
}
