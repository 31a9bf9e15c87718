import { Inject, Injectable } from '@nestjs/common';
import {
  AdminInitiateAuthRequest,
  AdminInitiateAuthResponse,
  CommandMeta,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { BlockedAddresses } from '../risk/threat-protection';
import { AuthEventRecorder } from '../risk/auth-event-recorder';
import { ClientsService } from '../clients/clients.service';
import { Members, RequestValidator } from '../common/validate';
import { AuthFlows } from './flows/auth-flows';
import { AUTH_FLOWS, authParametersOf, clientMetadataOf } from './flows/auth-parameters';

/**
 * AdminInitiateAuth, for a trusted back end signing with the admin key: ADMIN_USER_PASSWORD_AUTH
 * checks the password on the server; USER_SRP_AUTH and REFRESH_TOKEN_AUTH work as in InitiateAuth.
 * The client must belong to the pool the request names.
 */
@Injectable()
export class AdminInitiateAuthUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminInitiateAuth
> {
  constructor(
    @Inject(ClientsService) private readonly clients: ClientsService,
    @Inject(AuthFlows) private readonly flows: AuthFlows,
    @Inject(BlockedAddresses) private readonly blocked: BlockedAddresses,
    @Inject(AuthEventRecorder) private readonly events: AuthEventRecorder,
  ) {}

  async execute(req: AdminInitiateAuthRequest, meta?: CommandMeta): Promise<AdminInitiateAuthResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .string('ClientId', Members.clientId)
      .oneOf('AuthFlow', AUTH_FLOWS, true)
      .check();
    const params = authParametersOf(req.AuthParameters);
    const auth = await this.clients.forAdminAuth(req.UserPoolId, req.ClientId);
    // The user's address as the calling back end reports it, else the caller's own.
    const sourceIp = req.ContextData?.IpAddress ?? meta?.sourceIp;
    await this.blocked.refuseBlocked(auth.pool, auth.client.id, sourceIp);
    return this.events.within({ sourceIp, userAgent: meta?.userAgent }, () =>
      this.flows.start('AdminInitiateAuth', req.AuthFlow, auth, params, clientMetadataOf(req.ClientMetadata)),
    );
  }
}
