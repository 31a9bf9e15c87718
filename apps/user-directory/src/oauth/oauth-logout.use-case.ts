import { Inject, Injectable } from '@nestjs/common';
import { OAuthLogoutOutcome, OAuthLogoutRequest, UserDirectoryOperations } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { OperationHandler } from '@idfed/service-runtime';
import { ClientsService } from '../clients/clients.service';
import { AuthorizeRequests } from './authorize-request';
import { OAuthGrants } from './oauth-grants';

const errorPage = (description: string): OAuthLogoutOutcome => ({
  kind: 'error',
  error: 'invalid_request',
  description,
});

/**
 * GET /logout: ends the browser's hosted session, then sends it to one of the client's LogoutURLs
 * (`logout_uri`, exactly), or with `redirect_uri` and `response_type` back to the sign-in page for
 * a new authorization request. An unregistered target is an error page, never a redirect.
 */
@Injectable()
export class OAuthLogoutUseCase implements OperationHandler<typeof UserDirectoryOperations.OAuthLogout> {
  constructor(
    @Inject(ClientsService) private readonly clients: ClientsService,
    @Inject(AuthorizeRequests) private readonly requests: AuthorizeRequests,
    @Inject(OAuthGrants) private readonly grants: OAuthGrants,
  ) {}

  async execute(req: OAuthLogoutRequest): Promise<OAuthLogoutOutcome> {
    const params = req.Params ?? {};
    if (!params.client_id) return errorPage('client_id is required.');
    let logoutUrls: string[];
    try {
      const auth = await this.clients.forAuth(params.client_id);
      if (auth.client.poolId !== req.UserPoolId) return errorPage('The client_id is not valid.');
      logoutUrls = auth.client.config.logoutUrls ?? [];
    } catch (err) {
      if (err instanceof ServiceError) return errorPage('The client_id is not valid.');
      throw err;
    }
    if (params.logout_uri !== undefined) {
      if (!logoutUrls.includes(params.logout_uri))
        return errorPage('The logout_uri is not one of the client’s LogoutURLs.');
      await this.grants.closeSession(req.SessionToken);
      return { kind: 'redirect', location: params.logout_uri };
    }
    if (params.redirect_uri !== undefined) {
      const checked = await this.requests.check(req.UserPoolId, params);
      if (!checked.ok) {
        const o = checked.outcome;
        return o.kind === 'login' || o.kind === 'federate' ? errorPage('Bad request.') : o;
      }
      await this.grants.closeSession(req.SessionToken);
      return { kind: 'login' };
    }
    return errorPage('logout_uri or redirect_uri is required.');
  }
}
