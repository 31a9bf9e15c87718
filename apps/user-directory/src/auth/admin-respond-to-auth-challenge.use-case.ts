import { Inject, Injectable } from '@nestjs/common';
import {
  AdminRespondToAuthChallengeRequest,
  CommandMeta,
  RespondToAuthChallengeResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { BlockedAddresses } from '../risk/threat-protection';
import { AuthEventRecorder } from '../risk/auth-event-recorder';
import { ClientsService } from '../clients/clients.service';
import { Members, RequestValidator } from '../common/validate';
import { AuthFlows } from './flows/auth-flows';
import { CHALLENGE_NAMES, challengeResponsesOf, clientMetadataOf } from './flows/auth-parameters';

/** AdminRespondToAuthChallenge: RespondToAuthChallenge for a back end signing with the admin key. */
@Injectable()
export class AdminRespondToAuthChallengeUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminRespondToAuthChallenge
> {
  constructor(
    @Inject(ClientsService) private readonly clients: ClientsService,
    @Inject(AuthFlows) private readonly flows: AuthFlows,
    @Inject(BlockedAddresses) private readonly blocked: BlockedAddresses,
    @Inject(AuthEventRecorder) private readonly events: AuthEventRecorder,
  ) {}

  async execute(
    req: AdminRespondToAuthChallengeRequest,
    meta?: CommandMeta,
  ): Promise<RespondToAuthChallengeResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .string('ClientId', Members.clientId)
      .oneOf('ChallengeName', CHALLENGE_NAMES, true)
      .string('Session', { min: 20, max: 4096, secret: true })
      .check();
    const responses = challengeResponsesOf(req.ChallengeResponses);
    const clientMetadata = clientMetadataOf(req.ClientMetadata);
    const sourceIp = req.ContextData?.IpAddress ?? meta?.sourceIp;
    const auth = await this.clients.forAdminAuth(req.UserPoolId, req.ClientId);
    await this.blocked.refuseBlocked(auth.pool, auth.client.id, sourceIp);
    return this.events.within({ sourceIp, userAgent: meta?.userAgent }, () =>
      this.flows.respond(req.ChallengeName, auth, req.Session, responses, clientMetadata),
    );
  }
}
