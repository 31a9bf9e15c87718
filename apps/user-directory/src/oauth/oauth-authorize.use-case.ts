import { Inject, Injectable } from '@nestjs/common';
import { CommandMeta, OAuthAuthorizeRequest, OAuthOutcome, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { FederatedSignIn } from '../relying-party/federated-sign-in';
import { UserSessions } from '../sessions/user-sessions';
import { AuthorizeRequests } from './authorize-request';
import { OAuthGrants } from './oauth-grants';
import { BlockedAddresses } from '../risk/threat-protection';

/**
 * GET /oauth2/authorize (and GET /login, which carries the same request): a request that fails its
 * checks is refused as Cognito refuses it; one naming an identity provider goes to that provider
 * (ADR 0024); a browser with a live hosted session gets its answer at once (single sign-on); any
 * other is shown the sign-in page, with the client's providers to choose from.
 */
@Injectable()
export class OAuthAuthorizeUseCase implements OperationHandler<
  typeof UserDirectoryOperations.OAuthAuthorize
> {
  constructor(
    @Inject(AuthorizeRequests) private readonly requests: AuthorizeRequests,
    @Inject(OAuthGrants) private readonly grants: OAuthGrants,
    @Inject(FederatedSignIn) private readonly federation: FederatedSignIn,
    @Inject(UserSessions) private readonly sessions: UserSessions,
    @Inject(BlockedAddresses) private readonly blocked: BlockedAddresses,
  ) {}

  async execute(req: OAuthAuthorizeRequest, meta?: CommandMeta): Promise<OAuthOutcome> {
    const checked = await this.requests.check(req.UserPoolId, req.Params ?? {});
    if (!checked.ok) return checked.outcome;
    if (req.CheckOnly) return { kind: 'login', clientName: checked.auth.client.name };
    if (this.federation.asksForProvider(checked.request)) {
      return this.federation.start(
        checked.auth,
        checked.request,
        req.Params ?? {},
        req.CallbackUrl,
        req.BindingToken,
      );
    }
    // A blocked address (threat protection, ADR 0089) is not signed in silently from a hosted
    // session: it gets the sign-in page, whose form the block list refuses.
    const live = (await this.blocked.isBlocked(checked.auth.pool, checked.auth.client.id, meta?.sourceIp))
      ? undefined
      : await this.grants.sessionUser(req.UserPoolId, req.SessionToken);
    // The client's SSO session validity (ADR 0080) decides whether this app reuses it silently.
    const session =
      live && (await this.sessions.ssoSessionReusable(req.UserPoolId, checked.auth.client.id, live.authTime))
        ? live
        : undefined;
    if (!session) {
      return {
        kind: 'login',
        clientName: checked.auth.client.name,
        ...(await this.federation.chooserOf(checked.auth)),
      };
    }
    const location = await this.grants.answer(
      checked.auth,
      checked.request,
      session.user,
      session.authTime,
      session.sessionId,
    );
    return { kind: 'redirect', location };
  }
}
