import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  OAuthIdpResponseRequest,
  OAuthSignInOutcome,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { FederatedSignIn } from './federated-sign-in';

/** GET or POST /oauth2/idpresponse: an OAuth 2.0 / OpenID Connect provider's answer (ADR 0024). */
@Injectable()
export class OAuthIdpResponseUseCase implements OperationHandler<
  typeof UserDirectoryOperations.OAuthIdpResponse
> {
  constructor(@Inject(FederatedSignIn) private readonly federation: FederatedSignIn) {}

  execute(req: OAuthIdpResponseRequest, meta: CommandMeta): Promise<OAuthSignInOutcome> {
    return this.federation.complete(
      req.UserPoolId,
      req.Params ?? {},
      req.BindingToken,
      meta,
      req.Method === 'POST' ? 'POST' : 'GET',
    );
  }
}
