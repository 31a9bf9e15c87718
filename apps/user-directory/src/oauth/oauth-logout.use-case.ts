import { Inject, Injectable } from '@nestjs/common';
import { OAuthLogoutOutcome, OAuthLogoutRequest, UserDirectoryOperations } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { OperationHandler } from '@idfed/service-runtime';
import { ClientsService } from '../clients/clients.service';
import { SamlSingleLogout } from '../saml/saml-logout.use-case';
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
 * a new authorization request. An unregistered target is an error page, never a redirect. A session
 * signed in through a SAML provider whose `IDPSignout` is `true` is closed too, and the browser goes
 * first to the IdP with a LogoutRequest; `/saml2/logout` sends it on to the same place (ADR 0069).
 */
@Injectable()
export class OAuthLogoutUseCase implements OperationHandler<typeof UserDirectoryOperations.OAuthLogout> {
  constructor(
    @Inject(ClientsService) private readonly clients: ClientsService,
    @Inject(AuthorizeRequests) private readonly requests: AuthorizeRequests,
    @Inject(OAuthGrants) private readonly grants: OAuthGrants,
    @Inject(SamlSingleLogout) private readonly samlLogout: SamlSingleLogout,
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
      const next = { kind: 'redirect' as const, location: params.logout_uri };
      const viaIdp = await this.samlLogout.begin(req.UserPoolId, req.SessionToken, next);
      await this.grants.closeSession(req.SessionToken);
      return viaIdp ?? next;
    }
    if (params.redirect_uri !== undefined) {
      const checked = await this.requests.check(req.UserPoolId, params);
      if (!checked.ok) {
        const o = checked.outcome;
        return o.kind === 'login' || o.kind === 'federate' ? errorPage('Bad request.') : o;
      }
      const query = new URLSearchParams(Object.entries(params).filter(([k]) => k !== 'logout_uri'));
      const viaIdp = await this.samlLogout.begin(req.UserPoolId, req.SessionToken, {
        kind: 'login',
        query: query.toString(),
      });
      await this.grants.closeSession(req.SessionToken);
      return viaIdp ?? { kind: 'login' };
    }
    return errorPage('logout_uri or redirect_uri is required.');
  }
}
