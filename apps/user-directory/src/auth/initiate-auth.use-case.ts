import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  InitiateAuthRequest,
  InitiateAuthResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { BlockedAddresses, userAddress } from '../risk/threat-protection';
import { AuthEventRecorder } from '../risk/auth-event-recorder';
import { ClientsService } from '../clients/clients.service';
import { Patterns, RequestValidator } from '../common/validate';
import { AuthFlows } from './flows/auth-flows';
import { AUTH_FLOWS, authParametersOf, clientMetadataOf } from './flows/auth-parameters';

/**
 * InitiateAuth: starts the sign-in flow the request names (USER_PASSWORD_AUTH, USER_SRP_AUTH,
 * REFRESH_TOKEN_AUTH; see auth-flows.registry.ts) for the client it names.
 */
@Injectable()
export class InitiateAuthUseCase implements OperationHandler<typeof UserDirectoryOperations.InitiateAuth> {
  constructor(
    @Inject(ClientsService) private readonly clients: ClientsService,
    @Inject(AuthFlows) private readonly flows: AuthFlows,
    @Inject(BlockedAddresses) private readonly blocked: BlockedAddresses,
    @Inject(AuthEventRecorder) private readonly events: AuthEventRecorder,
  ) {}

  async execute(req: InitiateAuthRequest, meta?: CommandMeta): Promise<InitiateAuthResponse> {
    RequestValidator.of(req)
      .oneOf('AuthFlow', AUTH_FLOWS, true)
      .string('ClientId', { required: true, min: 1, max: 128, pattern: Patterns.clientId })
      .check();
    const params = authParametersOf(req.AuthParameters);
    const auth = await this.clients.forAuth(req.ClientId, meta?.region);
    const sourceIp = userAddress(auth.client, req.UserContextData, meta?.sourceIp);
    await this.blocked.refuseBlocked(auth.pool, auth.client.id, sourceIp);
    return this.events.within({ sourceIp, userAgent: meta?.userAgent }, () =>
      this.flows.start('InitiateAuth', req.AuthFlow, auth, params, clientMetadataOf(req.ClientMetadata)),
    );
  }
}
